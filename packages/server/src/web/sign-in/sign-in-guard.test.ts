import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KnownDevices } from './known-device.js';
import { SignInGuard } from './sign-in-guard.js';
import { SignInThrottle } from './sign-in-throttle.js';

const NOW = 1_800_000_000_000;
const DAY = 86_400_000;

describe('SignInThrottle', () => {
  const limits = { freeFailures: 2, maxDelayMs: 60_000, forgetAfterMs: 15 * 60_000, maxKeys: 100 };

  it('lets the free failures through, then makes each attempt wait a growing delay', () => {
    const throttle = new SignInThrottle(limits);
    throttle.fail('k', NOW);
    throttle.fail('k', NOW);
    expect(throttle.waitMs('k', NOW)).toBe(0);
    throttle.fail('k', NOW);
    expect(throttle.waitMs('k', NOW)).toBe(1_000);
    expect(throttle.waitMs('k', NOW + 1_000)).toBe(0);
    throttle.fail('k', NOW + 1_000);
    expect(throttle.waitMs('k', NOW + 1_000)).toBe(2_000);
    for (let i = 0; i < 10; i++) throttle.fail('k', NOW + 2_000);
    expect(throttle.waitMs('k', NOW + 2_000)).toBe(60_000);
    expect(throttle.waitMs('other', NOW)).toBe(0);
  });

  it('forgets failures after a quiet period, and on clear', () => {
    const throttle = new SignInThrottle(limits);
    for (let i = 0; i < 5; i++) throttle.fail('k', NOW);
    expect(throttle.waitMs('k', NOW + 15 * 60_000)).toBe(0);
    for (let i = 0; i < 5; i++) throttle.fail('k', NOW);
    throttle.clear('k');
    expect(throttle.waitMs('k', NOW)).toBe(0);
  });
});

describe('KnownDevices', () => {
  const devices = new KnownDevices(randomBytes(32), 180 * DAY);

  it('recognizes its own cookie for the same account, whatever the case, until it expires', () => {
    const cookie = devices.issue('Ada@Example.org', NOW);
    expect(devices.recognizes(cookie, 'ada@example.ORG', NOW + DAY)).toBe(true);
    expect(devices.recognizes(cookie, 'eve@example.org', NOW)).toBe(false);
    expect(devices.recognizes(cookie, 'ada@example.org', NOW + 180 * DAY)).toBe(false);
  });

  it('refuses a forged, altered or foreign cookie', () => {
    const cookie = devices.issue('ada@example.org', NOW);
    const other = new KnownDevices(randomBytes(32), 180 * DAY).issue('ada@example.org', NOW);
    const parts = cookie.split('.');
    parts[1] = Buffer.from('eve@example.org').toString('base64url');
    expect(devices.recognizes(parts.join('.'), 'eve@example.org', NOW)).toBe(false);
    expect(devices.recognizes(other, 'ada@example.org', NOW)).toBe(false);
    expect(devices.recognizes('garbage', 'ada@example.org', NOW)).toBe(false);
    expect(devices.recognizes(undefined, 'ada@example.org', NOW)).toBe(false);
  });
});

describe('SignInGuard', () => {
  it('throttles an account hammered from many addresses, except for a known device', () => {
    const guard = new SignInGuard(new KnownDevices(randomBytes(32), 180 * DAY));
    const owner = guard.succeed({
      address: '10.0.0.1',
      email: 'ada@example.org',
      deviceCookie: undefined,
      now: NOW,
    });
    for (let i = 0; i < 8; i++) {
      guard.fail({
        address: `192.0.2.${i}`,
        email: 'Ada@example.org',
        deviceCookie: undefined,
        now: NOW,
      });
    }
    const attempt = { address: '198.51.100.7', email: 'ada@example.org', now: NOW };
    expect(guard.mustWait({ ...attempt, deviceCookie: undefined })).toBe(true);
    expect(guard.mustWait({ ...attempt, deviceCookie: owner })).toBe(false);
  });

  it('throttles an address past its allowance, known device or not', () => {
    const guard = new SignInGuard(new KnownDevices(randomBytes(32), 180 * DAY));
    for (let i = 0; i < 21; i++) {
      guard.fail({
        address: '192.0.2.1',
        email: `user${i}@example.org`,
        deviceCookie: undefined,
        now: NOW,
      });
    }
    expect(
      guard.mustWait({
        address: '192.0.2.1',
        email: 'new@example.org',
        deviceCookie: undefined,
        now: NOW,
      }),
    ).toBe(true);
    expect(
      guard.mustWait({
        address: '192.0.2.2',
        email: 'new@example.org',
        deviceCookie: undefined,
        now: NOW,
      }),
    ).toBe(false);
  });

  it('bounds single sign-on starts per address (each stores a login state), not per browser', () => {
    const guard = new SignInGuard(new KnownDevices(randomBytes(32), 180 * DAY));
    for (let i = 0; i < 30; i++) {
      expect(guard.mustWaitToStartSingleSignOn('10.0.0.9', NOW)).toBe(false);
    }
    expect(guard.mustWaitToStartSingleSignOn('10.0.0.9', NOW)).toBe(false);
    expect(guard.mustWaitToStartSingleSignOn('10.0.0.9', NOW)).toBe(true);
    expect(guard.mustWaitToStartSingleSignOn('10.0.0.10', NOW)).toBe(false);
    // Ten quiet minutes later the address starts afresh.
    expect(guard.mustWaitToStartSingleSignOn('10.0.0.9', NOW + 10 * 60_000)).toBe(false);
  });
});
