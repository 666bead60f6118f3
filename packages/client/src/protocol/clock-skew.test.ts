import { describe, expect, it } from 'vitest';
import { isClockSkewErrorCode, updateClockOffset } from './clock-skew.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');

describe('updateClockOffset', () => {
  it("adopts the server's clock when it is 5 minutes or more away", () => {
    const server = new Date(NOW + 20 * 60_000).toUTCString();
    expect(updateClockOffset(server, 0, NOW)).toBe(20 * 60_000);
    const behind = new Date(NOW - 5 * 60_000).toUTCString();
    expect(updateClockOffset(behind, 0, NOW)).toBe(-5 * 60_000);
  });

  it('keeps the offset when the corrected clock is close enough', () => {
    const server = new Date(NOW + 10 * 60_000).toUTCString();
    expect(updateClockOffset(server, 9 * 60_000, NOW)).toBe(9 * 60_000);
    expect(updateClockOffset(new Date(NOW + 60_000).toUTCString(), 0, NOW)).toBe(0);
  });

  it('keeps the offset without a usable Date header', () => {
    expect(updateClockOffset(null, 42, NOW)).toBe(42);
    expect(updateClockOffset('yesterday-ish', 42, NOW)).toBe(42);
  });
});

describe('isClockSkewErrorCode', () => {
  it('matches the codes a skewed clock causes, not other auth errors', () => {
    expect(isClockSkewErrorCode('InvalidSignatureException')).toBe(true);
    expect(isClockSkewErrorCode('RequestTimeTooSkewed')).toBe(true);
    expect(isClockSkewErrorCode('UnrecognizedClientException')).toBe(false);
  });
});
