import { describe, expect, it } from 'vitest';
import { formatRelative, formatUtc, renderTime } from './time.js';

const NOW = Date.UTC(2027, 0, 2, 14, 5);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('formatUtc', () => {
  it('writes day, short month, year and the UTC time', () => {
    expect(formatUtc(NOW)).toBe('2 Jan 2027, 14:05 UTC');
    expect(formatUtc(Date.UTC(2026, 11, 31, 3, 7, 59))).toBe('31 Dec 2026, 03:07 UTC');
  });
});

describe('formatRelative', () => {
  it.each([
    [NOW + 29 * DAY + 23 * HOUR, 'in 29 days'],
    [NOW + DAY, 'in 1 day'],
    [NOW - 3 * HOUR, '3 hours ago'],
    [NOW - 1 * 60_000, '1 minute ago'],
    [NOW - 40 * DAY, '1 month ago'],
    [NOW + 400 * DAY, 'in 1 year'],
    [NOW - 30_000, 'just now'],
    [NOW + 30_000, 'in under a minute'],
  ])('reads %s as "%s"', (at, expected) => {
    expect(formatRelative(at, NOW)).toBe(expected);
  });
});

describe('renderTime', () => {
  it('puts the ISO instant in <time datetime> and the relative hint beside it', () => {
    const out = String(renderTime(NOW + 2 * DAY, NOW));
    expect(out).toContain('<time datetime="2027-01-04T14:05:00.000Z">4 Jan 2027, 14:05 UTC</time>');
    expect(out).toContain('(in 2 days)');
  });
});
