/**
 * `--output json`: `json.dump(value, indent=4, ensure_ascii=False)` as awscli calls it.
 * @module
 */
import { pyJsonNumberRepr } from '@mailpat/client/python';
import { isJsonObject } from './json-value.js';

// Hand-written: no npm package mimics Python's json module, and JSON.stringify(value, null, 4)
// differs in number text (Python prints 1e-7 as `1e-07` and 0.00001 as `1e-05`).

const INDENT = '    ';

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * The text `aws ... --output json` prints for a response or a `--query` result (a string, number
 * or null prints as JSON too): four-space indentation, non-ASCII kept, a final newline; '' for `{}`,
 * since aws prints nothing for an empty response. Key order is the object's.
 *
 * @example
 * formatJson({ Id: 'u-1', Scopes: [] }); // '{\n    "Id": "u-1",\n    "Scopes": []\n}\n'
 * @throws TypeError for what awscli's `json_encoder` rejects (anything not JSON but bytes).
 */
export function formatJson(value: unknown): string {
  if (isJsonObject(value) && Object.keys(value).length === 0) return '';
  return `${encode(value, 0)}\n`;
}

function encode(value: unknown, level: number): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return encodeString(value);
  if (typeof value === 'number' && Number.isFinite(value)) return pyJsonNumberRepr(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => encode(item, level + 1));
    return encodeItems(items, '[]', level);
  }
  if (isJsonObject(value)) {
    const members = Object.entries(value).map(
      ([key, item]) => `${encodeString(key)}: ${encode(item, level + 1)}`,
    );
    return encodeItems(members, '{}', level);
  }
  return encodeString(jsonEncoderDefault(value));
}

/** Python's layout with `indent=4`: one item per line, `,` with no trailing space. */
function encodeItems(items: string[], brackets: string, level: number): string {
  if (items.length === 0) return brackets;
  const inner = `\n${INDENT.repeat(level + 1)}`;
  return `${brackets[0]}${inner}${items.join(`,${inner}`)}\n${INDENT.repeat(level)}${brackets[1]}`;
}

/** `encode_basestring`: only `"`, `\` and C0 controls are escaped, as `\u00XX` if unnamed. */
function encodeString(text: string): string {
  // eslint-disable-next-line no-control-regex -- C0 controls are exactly what Python escapes
  const escaped = text.replace(/[\x00-\x1f"\\]/g, (char) => {
    return ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

/**
 * awscli's `utils.json_encoder`, the `default=` hook: bytes become Base64. Datetimes are not
 * handled here because the caller has already turned timestamps into strings.
 */
function jsonEncoderDefault(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  throw new TypeError('Encountered unrecognized type in JSON encoder.');
}
