/**
 * Known-device cookies: after a successful sign-in, the browser gets a cookie naming the
 * account, signed with an HMAC key from the settings table. Presenting it for the same account
 * exempts the browser from that account's throttle (OWASP device cookies).
 * @module
 */
import { createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from '../http/safe-equal.js';

const FORMAT = 'v1';

/** Issues and checks known-device cookie values. */
export class KnownDevices {
  constructor(
    private readonly key: Buffer,
    private readonly maxAgeMs: number,
  ) {}

  /** A new value for the browser that just signed in to `email`. */
  issue(email: string, now: number): string {
    const payload = [
      FORMAT,
      Buffer.from(email.toLowerCase()).toString('base64url'),
      now.toString(36),
      randomBytes(8).toString('base64url'),
    ].join('.');
    return `${payload}.${this.#sign(payload)}`;
  }

  /** True when `value` is a genuine, unexpired cookie for `email` (case-insensitively). */
  recognizes(value: string | undefined, email: string, now: number): boolean {
    const parts = value?.split('.') ?? [];
    if (parts.length !== 5 || parts[0] !== FORMAT) return false;
    const payload = parts.slice(0, 4).join('.');
    if (!safeEqual(parts[4]!, this.#sign(payload))) return false;
    const issuedAt = parseInt(parts[2]!, 36);
    const account = Buffer.from(parts[1]!, 'base64url').toString();
    return account === email.toLowerCase() && now - issuedAt < this.maxAgeMs && issuedAt <= now;
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

/** A fresh HMAC key for the settings table, base64. */
export function generateDeviceKey(): string {
  return randomBytes(32).toString('base64');
}
