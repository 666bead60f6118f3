/**
 * Python 3's `round(x)`, which awscli uses to scale table columns.
 * @module
 */

/** `round(x)` for a float: to the nearest integer, halves to the even neighbour (2.5 -> 2). */
export function pyRound(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
