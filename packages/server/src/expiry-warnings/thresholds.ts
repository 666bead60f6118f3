/**
 * When a token's owner is warned: 60, 30 and 7 days before the day the token expires, and on
 * that day (GitLab's schedule), counted in UTC calendar days.
 * @module
 */

/** Days before the expiry day a warning goes out, widest first. */
export const EXPIRY_WARNING_DAYS = [60, 30, 7, 0] as const;

/** One of EXPIRY_WARNING_DAYS. */
export type ExpiryThresholdDays = (typeof EXPIRY_WARNING_DAYS)[number];

/**
 * How long after its expiry a token that was never warned on the day still gets that warning
 * (sent late: every instance was down that day). Past it the news is stale.
 */
export const LATE_WARNING_LIMIT_MS = 7 * 86_400_000;

const DAY_MS = 86_400_000;

/** The moment threshold `days` passes for a token expiring at `expiresAt` (epoch ms). */
export function thresholdMoment(expiresAt: number, days: ExpiryThresholdDays): number {
  const expiryDay = Math.floor(expiresAt / DAY_MS) * DAY_MS;
  return expiryDay - days * DAY_MS;
}

/**
 * The tightest threshold that has passed at `now` and is still owed: tighter than `warnedDays`
 * (the tightest already mailed, null for none), and passed after the token was created (a token
 * created with 20 days to live gets no 30-day warning). Undefined when nothing is owed. A check
 * that ran late sends only this one: the wider thresholds it skipped are stale news.
 */
export function dueThreshold(
  token: { createdAt: number; expiresAt: number },
  warnedDays: number | null,
  now: number,
): ExpiryThresholdDays | undefined {
  if (now >= token.expiresAt + LATE_WARNING_LIMIT_MS) return undefined;
  for (let i = EXPIRY_WARNING_DAYS.length - 1; i >= 0; i--) {
    const days = EXPIRY_WARNING_DAYS[i]!;
    const moment = thresholdMoment(token.expiresAt, days);
    if (moment > now) continue;
    // The tightest passed threshold decides: wider ones are not sent once it has passed.
    const owed = (warnedDays === null || days < warnedDays) && token.createdAt < moment;
    return owed ? days : undefined;
  }
  return undefined;
}

/**
 * The expiries that may be owed a warning at `now`: after `from`, before `until` (both
 * exclusive). The check reads only these tokens.
 */
export function warnedExpiryRange(now: number): { from: number; until: number } {
  return { from: now - LATE_WARNING_LIMIT_MS, until: passedBefore(now, EXPIRY_WARNING_DAYS[0]) };
}

/**
 * Per warning already sent (null: none), the expiries before which a tighter one has passed at
 * `now`: the store reads only those tokens, so an hourly pass does not read the many that were
 * warned and owe nothing yet. dueThreshold still decides (it also skips thresholds that passed
 * before the token was created).
 */
export function owedExpiryBounds(
  now: number,
): { warnedDays: ExpiryThresholdDays | null; expiresBefore: number }[] {
  return [null, ...EXPIRY_WARNING_DAYS.slice(0, -1)].map((warnedDays, i) => ({
    warnedDays,
    expiresBefore: passedBefore(now, EXPIRY_WARNING_DAYS[i]!),
  }));
}

/** Threshold `days` has passed at `now` for exactly the expiries before this. */
function passedBefore(now: number, days: ExpiryThresholdDays): number {
  // It passes at the start of the expiry day, `days` days before.
  return (Math.floor(now / DAY_MS) + days + 1) * DAY_MS;
}
