/**
 * Python's `text * count`, which awscli's table layout uses for padding and borders.
 * @module
 */

/** `text * count`: empty when the count is zero or negative, where `String#repeat` would throw. */
export function pyRepeat(text: string, count: number): string {
  return count > 0 ? text.repeat(count) : '';
}
