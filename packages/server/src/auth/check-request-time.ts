/**
 * Refuses requests dated more than 15 minutes from the server's clock, as AWS does.
 * @module
 */
import { InvalidSignatureException } from '../errors/index.js';
import { formatAmzDate } from './amz-date.js';
import { MAX_CLOCK_SKEW_MS } from './constants.js';

/** Throws InvalidSignatureException with AWS's wording when `dateMs` is outside now ± 15 min. */
export function checkRequestTime(amzDate: string, dateMs: number, nowMs: number): void {
  if (dateMs < nowMs - MAX_CLOCK_SKEW_MS) {
    const now = formatAmzDate(nowMs);
    const earliest = formatAmzDate(nowMs - MAX_CLOCK_SKEW_MS);
    throw new InvalidSignatureException(
      `Signature expired: ${amzDate} is now earlier than ${earliest} (${now} - 15 min.)`,
    );
  }
  if (dateMs > nowMs + MAX_CLOCK_SKEW_MS) {
    const now = formatAmzDate(nowMs);
    const latest = formatAmzDate(nowMs + MAX_CLOCK_SKEW_MS);
    throw new InvalidSignatureException(
      `Signature not yet current: ${amzDate} is still later than ${latest} (${now} + 15 min.)`,
    );
  }
}
