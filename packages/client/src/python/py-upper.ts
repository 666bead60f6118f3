/**
 * Python's `str.upper()`, which the text format applies to identifiers.
 * @module
 */

/**
 * Lowercase letters whose uppercase was added after Unicode 14.0 (Python 3.11's unicodedata): Node's
 * newer ICU maps them, Python leaves them as they are. packages/cli/src/workmail/output/unicode/unicode-tables.test.ts keeps this list honest.
 */
const UPPERCASED_SINCE_UNICODE_14: readonly (readonly [number, number])[] = [
  [0x019b, 0x019b],
  [0x0264, 0x0264],
  [0x1c8a, 0x1c8a],
  [0xa7cd, 0xa7cd],
  [0xa7cf, 0xa7cf],
  [0xa7d3, 0xa7d3],
  [0xa7d5, 0xa7d5],
  [0xa7db, 0xa7db],
  [0x10d70, 0x10d85],
  [0x16ebb, 0x16ed3],
];

/** `text.upper()`: full Unicode uppercasing (so 'ß' becomes 'SS'), as of Unicode 14.0. */
export function pyUpper(text: string): string {
  let upper = '';
  for (const char of text) upper += isUppercasedSinceUnicode14(char) ? char : char.toUpperCase();
  return upper;
}

function isUppercasedSinceUnicode14(char: string): boolean {
  const codePoint = char.codePointAt(0)!;
  return UPPERCASED_SINCE_UNICODE_14.some(([start, end]) => codePoint >= start && codePoint <= end);
}
