/**
 * Code point sets as [first, last] ranges, as the oracle reports character classes.
 * @module
 */

/** Every code point (0..U+10FFFF) for which `accepts` holds, as sorted inclusive ranges. */
export function codePointRanges(accepts: (char: string) => boolean): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start: number | undefined;
  for (let code = 0; code <= 0x110000; code += 1) {
    const inside = code < 0x110000 && accepts(String.fromCodePoint(code));
    if (inside && start === undefined) start = code;
    if (!inside && start !== undefined) {
      ranges.push([start, code - 1]);
      start = undefined;
    }
  }
  return ranges;
}

/** The code points of the ranges as strings of at most `size` characters each. */
export function chunkRanges(ranges: Array<[number, number]>, size: number): string[] {
  const chunks: string[] = [];
  for (const [first, last] of ranges) {
    for (let code = first; code <= last; code += size) {
      const end = Math.min(code + size - 1, last);
      let chunk = '';
      for (let point = code; point <= end; point += 1) chunk += String.fromCodePoint(point);
      chunks.push(chunk);
    }
  }
  return chunks;
}
