/**
 * Python truthiness, equality, `len()` and slicing, as botocore's paginator applies them.
 * @module
 */
import { PyTypeError } from './py-errors.js';
import { isPlainObject, pyTypeName } from './py-types.js';

/** Python's `bool(value)`: None, 0, '', empty list and empty dict are false (NaN is true). */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  if (value instanceof Uint8Array) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return Boolean(value);
}

function isNumeric(value: unknown): value is number | boolean {
  return typeof value === 'number' || typeof value === 'boolean';
}

/** Python's `a == b` for JSON-like values (bool compares as int, dicts ignore key order). */
export function pyEquals(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return Number(a) === Number(b);
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => pyEquals(item, b[index]));
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((byte, index) => byte === b[index]);
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && pyEquals(a[key], b[key]));
  }
  return a === b;
}

/** Python's `len(value)`: code points for a string, keys for a dict. */
export function pyLen(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'string') return [...value].length;
  if (isPlainObject(value)) return Object.keys(value).length;
  throw new PyTypeError(`object of type '${pyTypeName(value)}' has no len()`);
}

/** Python's `value[start:end]` on a list or str (undefined bounds are `None`). */
export function pySlice<T>(value: T, start: number | undefined, end: number | undefined): T {
  if (Array.isArray(value)) return value.slice(start, end) as T;
  if (typeof value === 'string') return [...value].slice(start, end).join('') as T;
  if (isPlainObject(value)) throw new PyTypeError("unhashable type: 'slice'");
  throw new PyTypeError(`'${pyTypeName(value)}' object is not subscriptable`);
}

/** Reads a slice bound as Python does: None, an int, or a bool; anything else is a TypeError. */
export function toSliceIndex(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new PyTypeError('slice indices must be integers or None or have an __index__ method');
}

/** Python's `a + b` for the int/float/str/bool values a paginator adds together. */
export function pyAdd(a: unknown, b: unknown): unknown {
  if (isNumeric(a) && isNumeric(b)) return Number(a) + Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  throw new PyTypeError(
    `unsupported operand type(s) for +: '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
  );
}
