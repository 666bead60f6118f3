/**
 * Python's `repr()` of a str (CPython `unicode_repr`).
 * @module
 */
import { NON_PRINTABLE } from '../unicode/non-printable.js';

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** `repr(text)`: single quotes unless the text has a ' and no ", escapes as CPython writes them. */
export function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) body += escapeChar(char, quote);
  return quote + body + quote;
}

function escapeChar(char: string, quote: string): string {
  const codePoint = char.codePointAt(0)!;
  if (char === quote || char === '\\') return `\\${char}`;
  const named = NAMED_ESCAPES[char];
  if (named !== undefined) return named;
  if (codePoint < 0x20 || codePoint === 0x7f) return `\\x${hex(codePoint, 2)}`;
  if (codePoint < 0x7f || !NON_PRINTABLE.has(codePoint)) return char;
  if (codePoint <= 0xff) return `\\x${hex(codePoint, 2)}`;
  if (codePoint <= 0xffff) return `\\u${hex(codePoint, 4)}`;
  return `\\U${hex(codePoint, 8)}`;
}

function hex(codePoint: number, digits: number): string {
  return codePoint.toString(16).padStart(digits, '0');
}
