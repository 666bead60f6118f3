/**
 * Clock-skew correction from the server's `Date` header, as the AWS SDKs do it: a request
 * dated more than 15 minutes off is refused, so the signing clock follows the server's.
 * @module
 */
import { CLOCK_SKEW_ERROR_CODES, CLOCK_SKEW_THRESHOLD_MS } from './constants.js';

/** True for error codes that a skewed local clock can cause. */
export function isClockSkewErrorCode(code: string): boolean {
  return CLOCK_SKEW_ERROR_CODES.has(code);
}

/**
 * The offset (ms) to add to `Date.now()` when signing: unchanged unless the server's clock,
 * read from `dateHeader`, is at least 5 minutes from the currently corrected local clock.
 */
export function updateClockOffset(
  dateHeader: string | null,
  currentOffset: number,
  now: number = Date.now(),
): number {
  const serverTime = dateHeader === null ? NaN : Date.parse(dateHeader);
  if (Number.isNaN(serverTime)) return currentOffset;
  const skew = serverTime - (now + currentOffset);
  return Math.abs(skew) >= CLOCK_SKEW_THRESHOLD_MS ? serverTime - now : currentOffset;
}
