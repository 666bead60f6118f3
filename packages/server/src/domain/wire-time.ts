/**
 * Timestamps on the wire: AWS JSON 1.1 carries epoch seconds as numbers.
 * @module
 */

/** Epoch milliseconds to the epoch seconds the wire carries (fractional, millisecond precision). */
export function toEpochSeconds(ms: number): number {
  return ms / 1000;
}

/** Like toEpochSeconds, but absent stays absent so optional members are omitted. */
export function toOptionalEpochSeconds(ms: number | null | undefined): number | undefined {
  return ms === null || ms === undefined ? undefined : ms / 1000;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
