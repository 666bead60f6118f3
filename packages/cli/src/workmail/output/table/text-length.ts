/**
 * awscli's `get_text_length`: how many terminal columns a cell's text takes.
 * @module
 */
import { EAST_ASIAN_WIDE } from '../unicode/east-asian-wide.js';

/**
 * Counts East Asian Wide, Fullwidth and Ambiguous characters as two columns: CJK and emoji, but
 * also 'é', '°', '€', '→' and Greek or Cyrillic letters, which most terminals draw one column wide.
 * Every other code point, combining marks included, counts one.
 */
export function getTextLength(text: string): number {
  let length = 0;
  for (const char of text) length += EAST_ASIAN_WIDE.has(char.codePointAt(0)!) ? 2 : 1;
  return length;
}
