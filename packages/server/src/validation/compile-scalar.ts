/**
 * Compiles string, number, boolean, timestamp and blob shapes into validators.
 * @module
 */
import type { ShapeDefinition } from '@mailpat/model';
import { INT32_MAX, INT32_MIN, MAX_PATTERN_INPUT_LENGTH } from './constants.js';
import { compileModelPattern } from './translate-pattern.js';
import { typeMismatch } from './value-validator.js';
import type { ValueValidator } from './value-validator.js';

const NUL_RULE = 'Member must not contain the NUL character (U+0000)';

/** The validator for a scalar shape. */
export function compileScalar(shape: ShapeDefinition): ValueValidator {
  switch (shape.type) {
    case 'string':
      return compileString(shape);
    case 'integer':
      return compileNumber(shape, 'an integer', [INT32_MIN, INT32_MAX]);
    case 'long':
      return compileNumber(shape, 'a long', [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]);
    case 'float':
    case 'double':
      return compileNumber(shape, 'a number');
    case 'timestamp':
      return compileTypeCheck('number', 'a timestamp (epoch seconds)');
    case 'boolean':
      return compileTypeCheck('boolean', 'a boolean');
    case 'blob':
      return compileTypeCheck('string', 'a base64-encoded string');
    default:
      throw new Error(`validation: ${shape.type} is not a scalar shape`);
  }
}

function compileTypeCheck(jsType: 'number' | 'boolean' | 'string', expected: string) {
  const validate: ValueValidator = (value, path) => {
    if (typeof value !== jsType) throw typeMismatch(expected, path);
  };
  return validate;
}

/**
 * Strings: pattern (or no NUL), then length (UTF-16 units, as Java counts), then enum. NUL is refused
 * everywhere because PostgreSQL cannot store it in text: without this rule the same request would
 * succeed on SQLite and fail on PostgreSQL.
 */
function compileString(shape: ShapeDefinition): ValueValidator {
  const { min, max, pattern } = shape;
  const sensitive = shape.sensitive === true;
  const regex = pattern === undefined ? undefined : compileModelPattern(pattern);
  const patternRule = `Member must satisfy regular expression pattern: ${pattern}`;
  const patternLimit = Math.max(max ?? 0, MAX_PATTERN_INPUT_LENGTH);
  const enumValues = shape.enum === undefined ? undefined : new Set(shape.enum);
  const enumRule = `Member must satisfy enum value set: [${shape.enum?.join(', ')}]`;
  const minRule = `Member must have length greater than or equal to ${min}`;
  const maxRule = `Member must have length less than or equal to ${max}`;
  return (value, path, violations) => {
    if (typeof value !== 'string') throw typeMismatch('a string', path);
    const length = value.length;
    if (regex !== undefined && length <= patternLimit && !regex.test(value)) {
      violations.add(path, value, sensitive, patternRule);
    } else if (value.includes('\0')) {
      // Only where the model's pattern lets NUL through, so WorkMail's own messages stay as they are.
      violations.add(path, value, sensitive, NUL_RULE);
    }
    if (min !== undefined && length < min) violations.add(path, value, sensitive, minRule);
    if (max !== undefined && length > max) violations.add(path, value, sensitive, maxRule);
    if (enumValues !== undefined && !enumValues.has(value)) {
      violations.add(path, value, sensitive, enumRule);
    }
  };
}

/**
 * Numbers, then their range. Integer types must be whole numbers the Java type can hold;
 * anything else cannot be deserialised at all.
 */
function compileNumber(
  shape: ShapeDefinition,
  expected: string,
  wholeWithin?: readonly [number, number],
): ValueValidator {
  const { min, max } = shape;
  const sensitive = shape.sensitive === true;
  const [lowest, highest] = wholeWithin ?? [-Infinity, Infinity];
  const whole = wholeWithin !== undefined;
  const minRule = `Member must have value greater than or equal to ${min}`;
  const maxRule = `Member must have value less than or equal to ${max}`;
  return (value, path, violations) => {
    if (typeof value !== 'number' || (whole && !Number.isInteger(value))) {
      throw typeMismatch(expected, path);
    }
    if (value < lowest || value > highest) throw typeMismatch(expected, path);
    if (min !== undefined && value < min) violations.add(path, value, sensitive, minRule);
    if (max !== undefined && value > max) violations.add(path, value, sensitive, maxRule);
  };
}
