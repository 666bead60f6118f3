/**
 * Python's `str()` and `repr()` of a JSON value, as the text and table formats print them.
 * @module
 */
import type { JsonValue } from '../json-value.js';
import { reprNumber } from './number-repr.js';
import { pyRepr } from '@mailpat/client/python';

/**
 * `str(value)`: a string as is, anything else as its repr. Lists and dicts reach `str()` when one
 * item's nested value lands in a column another item fills with a scalar; aws prints the repr then.
 */
export function pythonStr(value: JsonValue): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

/** `repr(value)`: None, True/False, ints and floats, quoted strs, `[a, b]` and `{'k': v}`. */
export function pythonRepr(value: JsonValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return reprNumber(value);
  if (typeof value === 'string') return pyRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  const entries = Object.entries(value).map(([key, item]) => `${pyRepr(key)}: ${pythonRepr(item)}`);
  return `{${entries.join(', ')}}`;
}
