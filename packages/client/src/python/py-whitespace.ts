/**
 * Python's notion of whitespace (`str.isspace`, regex `\s`, `str.strip`), which the aws
 * CLI's checks and the shorthand grammar use; JavaScript's `\s` and `trim` differ from it.
 * @module
 */

/**
 * The code points `str.isspace()` accepts, as a regex character-class body: Unicode Zs plus the
 * bidirectional classes WS, B and S. Unlike JavaScript's `\s` it has U+001C..U+001F and U+0085
 * but not U+FEFF.
 */
export const PY_SPACE_CLASS =
  '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const SPACE = new RegExp(`^[${PY_SPACE_CLASS}]$`, 'u');
const LEADING = new RegExp(`^[${PY_SPACE_CLASS}]+`, 'u');
const TRAILING = new RegExp(`[${PY_SPACE_CLASS}]+$`, 'u');

/** Python's `str.isspace()` for one character. */
export function isPySpace(char: string): boolean {
  return SPACE.test(char);
}

/** Python's `str.lstrip()` without arguments. */
export function pyLstrip(text: string): string {
  return text.replace(LEADING, '');
}

/** Python's `str.rstrip()` without arguments. */
export function pyRstrip(text: string): string {
  return text.replace(TRAILING, '');
}

/** Python's `str.strip()` without arguments. */
export function pyStrip(text: string): string {
  return pyRstrip(pyLstrip(text));
}
