/**
 * Python's `str()` of a JSON value, as the text and table formats print it.
 * @module
 */
import { pyJsonRepr } from '@mailpat/client/python';
import type { JsonValue } from '../json-value.js';

/**
 * `str(value)`: a string as is, anything else as its repr. Lists and dicts reach `str()` when one
 * item's nested value lands in a column another item fills with a scalar; aws prints the repr then.
 */
export function pythonStr(value: JsonValue): string {
  return typeof value === 'string' ? value : pyJsonRepr(value);
}
