/**
 * Python truthiness of a JSON value (`if not current:` in awscli's table formatter).
 * @module
 */
import { isJsonObject } from '../json-value.js';
import type { JsonValue } from '../json-value.js';

/** False for None, False, 0, 0.0, '', [] and {}, as Python's `bool()`; true for anything else. */
export function isTruthy(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isJsonObject(value)) return Object.keys(value).length > 0;
  return Boolean(value);
}
