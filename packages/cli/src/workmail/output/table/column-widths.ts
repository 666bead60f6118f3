/**
 * awscli's `Section.calculate_column_widths`: fit the columns to the table's width.
 * @module
 */
import { pyRound } from '@mailpat/client/python';

/**
 * Pads each column's widest text, then, given a total width, scales the columns to fill it exactly:
 * proportional rounding (Python's half-to-even), and the rounding error taken off the first columns
 * or added to the last ones.
 */
export function calculateColumnWidths(
  maxWidths: readonly number[],
  padding: number,
  maxWidth?: number,
): number[] {
  const unscaled = maxWidths.map((width) => width + padding);
  if (maxWidth === undefined || unscaled.length === 0) return unscaled;
  const scaleFactor = maxWidth / sum(unscaled);
  const scaled = unscaled.map((width) => pyRound(scaleFactor * width));
  let offBy = sum(scaled) - maxWidth;
  while (offBy !== 0) {
    const order = [...scaled.keys()];
    if (offBy < 0) order.reverse();
    for (const i of order) {
      const step = offBy > 0 ? -1 : 1;
      scaled[i]! += step;
      offBy += step;
      if (offBy === 0) break;
    }
  }
  return scaled;
}

function sum(numbers: readonly number[]): number {
  return numbers.reduce((total, n) => total + n, 0);
}
