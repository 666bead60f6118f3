/**
 * Compiles a model shape into a validator closure, once: structures, lists and maps
 * recurse into their members through a lookup so that shared and recursive shapes compile once.
 * @module
 */
import type { ShapeDefinition } from '@mailpat/model';
import { compileScalar } from './compile-scalar.js';
import { isJsonObject, typeMismatch } from './value-validator.js';
import type { ValidatorLookup, ValueValidator } from './value-validator.js';

/** The validator for any shape; member shapes are found through `lookup`. */
export function compileShape(shape: ShapeDefinition, lookup: ValidatorLookup): ValueValidator {
  switch (shape.type) {
    case 'structure':
      return compileStructure(shape, lookup);
    case 'list':
      return compileList(shape, lookup);
    case 'map':
      return compileMap(shape, lookup);
    default:
      return compileScalar(shape);
  }
}

/**
 * Members in model order; unknown members are ignored and null counts as absent, as AWS does. A null
 * member is deleted from the input so that handlers, which test for `undefined`, see it as absent.
 */
function compileStructure(shape: ShapeDefinition, lookup: ValidatorLookup): ValueValidator {
  const required = new Set(shape.required ?? []);
  const members = Object.entries(shape.members ?? {}).map(([name, reference]) => ({
    name,
    required: required.has(name),
    validate: lookup(reference.shape),
  }));
  return (value, path, violations) => {
    if (!isJsonObject(value)) throw typeMismatch('a structure (JSON object)', path);
    for (const member of members) {
      const memberValue = Object.hasOwn(value, member.name) ? value[member.name] : undefined;
      const memberPath = path === '' ? member.name : `${path}.${member.name}`;
      if (memberValue === undefined || memberValue === null) {
        if (memberValue === null) delete value[member.name];
        if (member.required) violations.addMissing(memberPath);
      } else {
        member.validate(memberValue, memberPath, violations);
      }
    }
  };
}

/** Length of the list, then each item at `Path.1`, `Path.2`... (1-based, as AWS numbers them). */
function compileList(shape: ShapeDefinition, lookup: ValidatorLookup): ValueValidator {
  const { min, max } = shape;
  const item = lookup(requireReference(shape, 'member'));
  const sensitive = shape.sensitive === true;
  const minRule = `Member must have length greater than or equal to ${min}`;
  const maxRule = `Member must have length less than or equal to ${max}`;
  return (value, path, violations) => {
    if (!Array.isArray(value)) throw typeMismatch('a list', path);
    if (min !== undefined && value.length < min) violations.add(path, value, sensitive, minRule);
    if (max !== undefined && value.length > max) violations.add(path, value, sensitive, maxRule);
    for (let i = 0; i < value.length; i++) {
      const itemValue: unknown = value[i];
      const itemPath = `${path}.${i + 1}`;
      if (itemValue === null) violations.addMissing(itemPath);
      else item(itemValue, itemPath, violations);
    }
  };
}

/** Number of entries, then each key and value at `Path.<key>`. */
function compileMap(shape: ShapeDefinition, lookup: ValidatorLookup): ValueValidator {
  const { min, max } = shape;
  const validateKey = lookup(requireReference(shape, 'key'));
  const validateValue = lookup(requireReference(shape, 'value'));
  const sensitive = shape.sensitive === true;
  const minRule = `Member must have length greater than or equal to ${min}`;
  const maxRule = `Member must have length less than or equal to ${max}`;
  return (value, path, violations) => {
    if (!isJsonObject(value)) throw typeMismatch('a map (JSON object)', path);
    const keys = Object.keys(value);
    if (min !== undefined && keys.length < min) violations.add(path, value, sensitive, minRule);
    if (max !== undefined && keys.length > max) violations.add(path, value, sensitive, maxRule);
    for (const key of keys) {
      const entryPath = `${path}.${key}`;
      validateKey(key, entryPath, violations);
      const entryValue = value[key];
      if (entryValue === null) violations.addMissing(entryPath);
      else validateValue(entryValue, entryPath, violations);
    }
  };
}

function requireReference(shape: ShapeDefinition, role: 'member' | 'key' | 'value'): string {
  const reference = shape[role];
  if (reference === undefined) throw new Error(`validation: ${shape.type} shape without ${role}`);
  return reference.shape;
}
