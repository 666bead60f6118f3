/**
 * Python's string ordering (by code point), which `sorted()` on dict keys uses.
 * @module
 */

/**
 * Compares by code point, as Python does; JS `<` and the default sort compare UTF-16 units, which
 * put an emoji (a surrogate pair, 0xD83D...) before U+E000..U+FFFF characters.
 */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

/** `sorted(keys)` for str keys: a new array in code point order. */
export function pySorted(keys: Iterable<string>): string[] {
  return [...keys].sort(compareCodePoints);
}
