import { describe, expect, it } from 'vitest';
import {
  EXPIRY_WARNING_DAYS,
  LATE_WARNING_LIMIT_MS,
  dueThreshold,
  owedExpiryBounds,
  thresholdMoment,
  warnedExpiryRange,
} from './thresholds.js';

const DAY_MS = 86_400_000;
/** A token expiring 2027-03-31 at 15:00 UTC, created a year before. */
const EXPIRES_AT = Date.UTC(2027, 2, 31, 15, 0, 0);
const EXPIRY_DAY = Date.UTC(2027, 2, 31);
const token = { createdAt: EXPIRES_AT - 365 * DAY_MS, expiresAt: EXPIRES_AT };

describe('dueThreshold', () => {
  it('should owe each warning from the start of its UTC day: 60, 30 and 7 days before, and on the day', () => {
    expect(thresholdMoment(EXPIRES_AT, 0)).toBe(EXPIRY_DAY);
    expect(dueThreshold(token, null, EXPIRY_DAY - 60 * DAY_MS - 1)).toBeUndefined();
    expect(dueThreshold(token, null, EXPIRY_DAY - 60 * DAY_MS)).toBe(60);
    expect(dueThreshold(token, 60, EXPIRY_DAY - 30 * DAY_MS - 1)).toBeUndefined();
    expect(dueThreshold(token, 60, EXPIRY_DAY - 30 * DAY_MS)).toBe(30);
    expect(dueThreshold(token, 30, EXPIRY_DAY - 7 * DAY_MS)).toBe(7);
    expect(dueThreshold(token, 7, EXPIRY_DAY - 1)).toBeUndefined();
    expect(dueThreshold(token, 7, EXPIRY_DAY)).toBe(0);
    expect(dueThreshold(token, 0, EXPIRY_DAY + 1)).toBeUndefined();
  });

  it('should owe nothing twice', () => {
    expect(dueThreshold(token, 60, EXPIRY_DAY - 45 * DAY_MS)).toBeUndefined();
    expect(dueThreshold(token, 7, EXPIRY_DAY - 3 * DAY_MS)).toBeUndefined();
  });

  it('should send only the tightest passed warning when the check comes late', () => {
    // Nothing was sent, and the 7-day threshold has passed: the 60- and 30-day ones are skipped.
    expect(dueThreshold(token, null, EXPIRY_DAY - 5 * DAY_MS)).toBe(7);
    expect(dueThreshold(token, 60, EXPIRY_DAY - 5 * DAY_MS)).toBe(7);
    // Every instance was down on the day: the day's warning goes out the next day.
    expect(dueThreshold(token, 30, EXPIRY_DAY + DAY_MS)).toBe(0);
  });

  it('should give up on a token that expired more than the late limit ago', () => {
    expect(dueThreshold(token, 7, EXPIRES_AT + LATE_WARNING_LIMIT_MS - 1)).toBe(0);
    expect(dueThreshold(token, 7, EXPIRES_AT + LATE_WARNING_LIMIT_MS)).toBeUndefined();
  });

  it('should skip thresholds that had passed when the token was created', () => {
    // A 20-day token: no 30- or 60-day warning, ever; the 7-day one and the day's.
    const shortLived = { createdAt: EXPIRES_AT - 20 * DAY_MS, expiresAt: EXPIRES_AT };
    expect(dueThreshold(shortLived, null, shortLived.createdAt)).toBeUndefined();
    expect(dueThreshold(shortLived, null, EXPIRY_DAY - 8 * DAY_MS)).toBeUndefined();
    expect(dueThreshold(shortLived, null, EXPIRY_DAY - 7 * DAY_MS)).toBe(7);
    // Created on its 7-day threshold's day, after midnight: only the day's warning.
    const weekLong = { createdAt: EXPIRY_DAY - 7 * DAY_MS + 1, expiresAt: EXPIRES_AT };
    expect(dueThreshold(weekLong, null, EXPIRY_DAY - DAY_MS)).toBeUndefined();
    expect(dueThreshold(weekLong, null, EXPIRY_DAY)).toBe(0);
  });
});

describe('warnedExpiryRange', () => {
  it('should hold every expiry that may be owed a warning now, and no later one', () => {
    const now = Date.UTC(2027, 0, 30, 9, 30);
    const { from, until } = warnedExpiryRange(now);
    const at = (expiresAt: number) => ({ createdAt: 0, expiresAt });
    // The last expiry owed its 60-day warning today is the end of the day 60 days on.
    const lastOwed = Date.UTC(2027, 0, 30) + 61 * DAY_MS - 1;
    expect(dueThreshold(at(lastOwed), null, now)).toBe(60);
    expect(lastOwed).toBeLessThan(until);
    expect(dueThreshold(at(until), null, now)).toBeUndefined();
    expect(dueThreshold(at(from + 1), 7, now)).toBe(0);
    expect(dueThreshold(at(from), 7, now)).toBeUndefined();
  });
});

describe('owedExpiryBounds', () => {
  it('should read exactly the tokens owed a warning, whatever was sent before', () => {
    const now = Date.UTC(2027, 0, 30, 9, 30);
    const { from, until } = warnedExpiryRange(now);
    const bounds = owedExpiryBounds(now);
    for (const warnedDays of [null, ...EXPIRY_WARNING_DAYS]) {
      const bound = bounds.find((entry) => entry.warnedDays === warnedDays);
      // Every 20 minutes over the range, and the edges.
      for (let expiresAt = from + 1; expiresAt < until; expiresAt += 20 * 60_000) {
        for (const at of [expiresAt, bound ? bound.expiresBefore - 1 : expiresAt]) {
          if (at <= from || at >= until) continue;
          const owed = dueThreshold({ createdAt: 0, expiresAt: at }, warnedDays, now) !== undefined;
          const read = bound !== undefined && at < bound.expiresBefore;
          expect({ warnedDays, at, read }).toEqual({ warnedDays, at, read: owed });
        }
      }
    }
  });
});
