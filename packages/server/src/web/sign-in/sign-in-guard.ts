/**
 * The throttles of password sign-in (and of password re-entry), per client address and per
 * account, with the known-device exemption for the account key.
 * @module
 */
import type { KnownDevices } from './known-device.js';
import { SignInThrottle } from './sign-in-throttle.js';

/** Shown, as a form error, when an attempt comes before its delay has passed. */
export const TOO_MANY_ATTEMPTS_MESSAGE = 'Too many attempts. Wait a minute and try again.';

const FORGET_AFTER_MS = 15 * 60_000;
const MAX_DELAY_MS = 60_000;
const MAX_KEYS = 10_000;

/** One attempt: where it comes from, the account as typed, and the browser's device cookie. */
export interface SignInAttempt {
  address: string;
  email: string;
  deviceCookie: string | undefined;
  now: number;
}

/** Decides whether an attempt may go ahead and counts the failures. */
export class SignInGuard {
  // An address may be a NAT of many people: a larger allowance than one account gets.
  readonly #byAddress = new SignInThrottle({
    freeFailures: 20,
    maxDelayMs: MAX_DELAY_MS,
    forgetAfterMs: FORGET_AFTER_MS,
    maxKeys: MAX_KEYS,
  });
  readonly #byAccount = new SignInThrottle({
    freeFailures: 5,
    maxDelayMs: MAX_DELAY_MS,
    forgetAfterMs: FORGET_AFTER_MS,
    maxKeys: MAX_KEYS,
  });

  // Each single sign-on start stores a login state for 10 minutes: beyond a generous allowance
  // per address, starts wait too, so one address cannot fill the table.
  readonly #singleSignOnStarts = new SignInThrottle({
    freeFailures: 30,
    maxDelayMs: MAX_DELAY_MS,
    forgetAfterMs: 10 * 60_000,
    maxKeys: MAX_KEYS,
  });

  constructor(readonly devices: KnownDevices) {}

  /** True when a single sign-on start from `address` must wait; otherwise counts the start. */
  mustWaitToStartSingleSignOn(address: string, now: number): boolean {
    if (this.#singleSignOnStarts.waitMs(address, now) > 0) return true;
    this.#singleSignOnStarts.fail(address, now);
    return false;
  }

  /** True when the attempt must wait (answer TOO_MANY_ATTEMPTS_MESSAGE, check nothing). */
  mustWait(attempt: SignInAttempt): boolean {
    if (this.#byAddress.waitMs(attempt.address, attempt.now) > 0) return true;
    if (this.#isKnownDevice(attempt)) return false;
    return this.#byAccount.waitMs(accountKey(attempt.email), attempt.now) > 0;
  }

  /** Counts a failed attempt against its address and (unless from a known device) its account. */
  fail(attempt: SignInAttempt): void {
    this.#byAddress.fail(attempt.address, attempt.now);
    if (!this.#isKnownDevice(attempt)) this.#byAccount.fail(accountKey(attempt.email), attempt.now);
  }

  /** A successful sign-in: the account's failures are forgotten; returns a new device cookie. */
  succeed(attempt: SignInAttempt): string {
    this.#byAccount.clear(accountKey(attempt.email));
    return this.devices.issue(attempt.email, attempt.now);
  }

  #isKnownDevice(attempt: SignInAttempt): boolean {
    return this.devices.recognizes(attempt.deviceCookie, attempt.email, attempt.now);
  }
}

/** The account as typed, whether or not it exists: unknown emails are throttled alike. */
function accountKey(email: string): string {
  return email.trim().toLowerCase();
}
