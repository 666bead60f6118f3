/**
 * The values the aws CLI's argument code passes around, in JavaScript: `str` is a string,
 * `bytes` a Uint8Array, `int`/`float` a number, `dict` a plain object, `list` an array.
 * @module
 */

/** A value as aws's Python code holds it while unpacking an argument. */
export type PythonValue =
  string | Uint8Array | number | boolean | null | PythonValue[] | PythonDict;

/** A Python dict: insertion-ordered string keys (integer-like keys aside, as JavaScript orders). */
export interface PythonDict {
  [key: string]: PythonValue;
}

/** True for a dict, as Python's `isinstance(value, dict)`. */
export function isPythonDict(value: unknown): value is PythonDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isBytes(value);
}

/** True for bytes, as Python's `isinstance(value, bytes)`. */
export function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}
