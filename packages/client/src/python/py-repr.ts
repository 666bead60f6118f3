/**
 * Python's `repr()` for the values a pagination token can hold; botocore puts
 * `repr(dict)` into its error messages ("The same next token was received twice: {...}").
 * @module
 */
import { pyJsonNumberRepr, pyNumberRepr } from './py-float.js';
import { NON_PRINTABLE } from './non-printable.js';
import { isPlainObject } from './py-types.js';

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function hexEscape(codePoint: number): string {
  if (codePoint <= 0xff) return `\\x${codePoint.toString(16).padStart(2, '0')}`;
  if (codePoint <= 0xffff) return `\\u${codePoint.toString(16).padStart(4, '0')}`;
  return `\\U${codePoint.toString(16).padStart(8, '0')}`;
}

function pickQuote(hasSingle: boolean, hasDouble: boolean): string {
  return hasSingle && !hasDouble ? '"' : "'";
}

function reprString(text: string): string {
  const quote = pickQuote(text.includes("'"), text.includes('"'));
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (NAMED[char] !== undefined) out += NAMED[char];
    else if (codePoint < 0x20 || codePoint === 0x7f) out += hexEscape(codePoint);
    else if (codePoint < 0x7f || !NON_PRINTABLE.has(codePoint)) out += char;
    else out += hexEscape(codePoint);
  }
  return `${quote}${out}${quote}`;
}

function reprBytes(bytes: Uint8Array): string {
  const quote = pickQuote(bytes.includes(0x27), bytes.includes(0x22));
  let out = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (NAMED[char] !== undefined) out += NAMED[char];
    else if (byte < 0x20 || byte >= 0x7f) out += hexEscape(byte);
    else out += char;
  }
  return `b${quote}${out}${quote}`;
}

function reprValue(value: unknown, reprNumber: (n: number) => string): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return reprNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return reprString(value);
  if (value instanceof Uint8Array) return reprBytes(value);
  if (Array.isArray(value))
    return `[${value.map((item) => reprValue(item, reprNumber)).join(', ')}]`;
  if (isPlainObject(value)) {
    const items = Object.entries(value).map(
      ([key, item]) => `${reprString(key)}: ${reprValue(item, reprNumber)}`,
    );
    return `{${items.join(', ')}}`;
  }
  return String(value);
}

/** Renders `value` as Python's `repr()` renders the equivalent Python value. */
export function pyRepr(value: unknown): string {
  return reprValue(value, (n) => pyNumberRepr(n));
}

/** `repr(json.loads(JSON.stringify(value)))`: numbers as Python reads them back from JSON text. */
export function pyJsonRepr(value: unknown): string {
  return reprValue(value, pyJsonNumberRepr);
}

/**
 * `str(json.loads(JSON.stringify(value)))`: a string as is, anything else as its repr. The aws
 * CLI's text and table formats print a cell this way (a list or dict nested where another item has
 * a scalar prints as its repr).
 */
export function pyJsonStr(value: unknown): string {
  return typeof value === 'string' ? value : pyJsonRepr(value);
}
