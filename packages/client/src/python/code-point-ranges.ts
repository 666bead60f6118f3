/**
 * A set of code points stored as sorted ranges, decoded from a compact text form.
 * @module
 */

/**
 * Sorted, disjoint, inclusive code point ranges. The text form is comma-separated base-36 pairs
 * (gap since the previous range's end, range length) so a generated table of ~850 ranges stays
 * a few kilobytes.
 */
export class CodePointRanges {
  private constructor(
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
  ) {}

  /** Reads the text form written by `encodeCodePointRanges`. */
  static decode(encoded: string): CodePointRanges {
    const numbers = encoded.split(',').map((part) => parseInt(part, 36));
    const starts: number[] = [];
    const ends: number[] = [];
    let next = 0;
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const start = next + numbers[i]!;
      next = start + numbers[i + 1]!;
      starts.push(start);
      ends.push(next - 1);
    }
    return new CodePointRanges(starts, ends);
  }

  /** Whether the code point falls in one of the ranges (binary search). */
  has(codePoint: number): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (codePoint < this.starts[middle]!) high = middle - 1;
      else if (codePoint > this.ends[middle]!) low = middle + 1;
      else return true;
    }
    return false;
  }

  /** The ranges as inclusive `[start, end]` pairs. */
  toArray(): [number, number][] {
    return this.starts.map((start, i) => [start, this.ends[i]!]);
  }
}

/** Writes ranges in the text form `CodePointRanges.decode` reads. */
export function encodeCodePointRanges(ranges: readonly (readonly [number, number])[]): string {
  let next = 0;
  return ranges
    .flatMap(([start, end]) => {
      const pair = [start - next, end - start + 1];
      next = end + 1;
      return pair;
    })
    .map((n) => n.toString(36))
    .join(',');
}
