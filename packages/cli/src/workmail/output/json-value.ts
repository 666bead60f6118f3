/**
 * The plain JSON values the formatters accept, and the Python type each stands for.
 * @module
 */

/** A value `JSON.parse` can return: Python's None, bool, int or float, str, list or dict. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object: a Python dict, whose key order (insertion order) the aws CLI keeps. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Whether the value is a plain object, i.e. what Python would hold as a dict. */
export function isJsonObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** awscli's `_scalar_type` / `isinstance(x, (dict, list))` test: anything but a list or dict. */
export function isScalar(value: JsonValue): boolean {
  return !Array.isArray(value) && !isJsonObject(value);
}

/**
 * Rejects what no JSON text can produce (undefined, NaN, Date, class instances...): the formatters
 * print JSON values only, and guessing how Python would see anything else would be silent drift.
 */
export function assertJsonValue(value: unknown, path = 'value'): asserts value is JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return;
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertJsonValue(item, `${path}[${i}]`));
    return;
  } else if (isJsonObject(value)) {
    for (const [key, item] of Object.entries(value)) assertJsonValue(item, `${path}.${key}`);
    return;
  }
  throw new TypeError(`${path} is not a JSON value: ${String(value)}`);
}
