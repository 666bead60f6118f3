/**
 * The model-driven half of shorthand parsing (awscli/shorthand.py BackCompatVisitor): the
 * parser yields only strings, so integer, float and boolean members are converted here, and a
 * single value given for a list member becomes a one-element list.
 * @module
 */
import { PyAttributeError, pyFloat, pyInt, pyTypeName, setOwn } from '@mailpat/client/python';
import { isBytes, isPythonDict } from './python-value.js';
import type { PythonDict, PythonValue } from './python-value.js';
import { innerShapeName, lookupShape } from './shape-table.js';
import type { ShapeTable } from './shape-table.js';

type Parent = PythonDict | PythonValue[];

function assign(parent: Parent, key: string | number, value: PythonValue): void {
  if (Array.isArray(parent)) parent[key as number] = value;
  else setOwn(parent, key as string, value);
}

/** `value.lower() == 'true'` as Python evaluates it (bytes never equal a str). */
function lowerEquals(value: PythonValue, word: string): boolean {
  if (typeof value === 'string') return value.toLowerCase() === word;
  if (isBytes(value)) return false;
  throw new PyAttributeError(`'${pyTypeName(value)}' object has no attribute 'lower'`);
}

function visitScalar(
  parent: Parent,
  key: string | number,
  type: string,
  value: PythonValue | undefined,
): void {
  if (value === undefined || value === null) return;
  if (type === 'integer' || type === 'long') assign(parent, key, pyInt(value));
  else if (type === 'float' || type === 'double') assign(parent, key, pyFloat(value));
  else if (type === 'boolean') {
    // Only "true"/"false" are converted; anything else is left for the service to reject.
    if (lowerEquals(value, 'true')) assign(parent, key, true);
    else if (lowerEquals(value, 'false')) assign(parent, key, false);
  }
}

function visit(
  shapes: ShapeTable,
  parent: Parent,
  key: string | number,
  shapeName: string,
  value: PythonValue | undefined,
): void {
  const shape = lookupShape(shapes, shapeName);
  if (shape.type === 'structure') {
    if (!isPythonDict(value)) return;
    for (const [member, reference] of Object.entries(shape.members ?? {})) {
      const memberValue = Object.hasOwn(value, member) ? value[member] : undefined;
      visit(shapes, value, member, reference.shape, memberValue);
    }
  } else if (shape.type === 'list') {
    // `foo=bar` for a list member means ['bar'].
    if (!Array.isArray(value)) {
      if (value !== undefined && value !== null) assign(parent, key, [value]);
      return;
    }
    const member = innerShapeName(shape, 'member');
    value.forEach((element, index) => visit(shapes, value, index, member, element));
  } else if (shape.type === 'map') {
    if (!isPythonDict(value)) return;
    const valueShape = innerShapeName(shape, 'value');
    for (const [entry, entryValue] of Object.entries(value)) {
      visit(shapes, value, entry, valueShape, entryValue);
    }
  } else {
    visitScalar(parent, key, shape.type, value);
  }
}

/**
 * Converts the parsed shorthand `params` in place per the shape `shapeName`, as
 * BackCompatVisitor.visit does; a conversion failure is Python's bare ValueError or TypeError.
 */
export function applyBackCompatVisitor(
  params: PythonValue,
  shapeName: string,
  shapes: ShapeTable,
): void {
  visit(shapes, {}, '', shapeName, params);
}
