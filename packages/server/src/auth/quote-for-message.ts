/**
 * Quotes client-supplied text for an error message, bounded in length.
 * @module
 */

const MAX_QUOTED = 100;

/** `'text'`, cut to 100 characters so a huge header is never echoed whole. */
export function quoteForMessage(text: string): string {
  return text.length > MAX_QUOTED ? `'${text.slice(0, MAX_QUOTED)}...'` : `'${text}'`;
}
