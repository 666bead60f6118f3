/**
 * Python's `json.dumps(obj)` with its defaults: `", "` and `": "` separators,
 * `ensure_ascii=True`, `allow_nan=True`, keys in insertion order. Resume tokens are base64 of this
 * text, so it must match byte for byte.
 * @module
 */
import { pyNumberRepr } from './py-float.js';
import { PyTypeError } from './py-errors.js';
import { isPlainObject, pyTypeName } from './py-types.js';

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** Quotes a string as `json.dumps` does with `ensure_ascii=True` (per UTF-16 code unit). */
export function quotePyJsonString(text: string): string {
  // Python escapes everything outside ' '..'~'; astral characters become surrogate pairs.
  const body = text.replace(/[\\"]|[^ -~]/g, (char) => {
    return ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${body}"`;
}

/** Serialises `value` exactly as Python's `json.dumps(value)` would; throws TypeError like it. */
export function pyJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return pyNumberRepr(value, 'NaN', 'Infinity');
    case 'bigint':
      return value.toString();
    case 'string':
      return quotePyJsonString(value);
  }
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(', ')}]`;
  if (isPlainObject(value)) {
    const members = Object.entries(value).map(
      ([key, member]) => `${quotePyJsonString(key)}: ${pyJsonDumps(member)}`,
    );
    return `{${members.join(', ')}}`;
  }
  throw new PyTypeError(`Object of type ${pyTypeName(value)} is not JSON serializable`);
}
