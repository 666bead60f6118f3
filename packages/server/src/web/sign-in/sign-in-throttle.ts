/**
 * Slows password guessing without locking anyone out: per key (a client address, or an account
 * as typed), failures beyond a free allowance make the next attempt wait a growing delay
 * (1 s, 2 s, 4 s ... at most a minute). Nothing is ever locked for good, and a browser with a
 * known-device cookie skips the per-account key, so an attacker hammering an account cannot
 * keep its owner out (OWASP "Slow down online guessing attacks with device cookies").
 * Kept in memory, bounded: a restart or eviction only forgets some delays.
 * @module
 */
import { BoundedMap } from '../../introspection/bounded-map.js';

interface Failures {
  count: number;
  lastAt: number;
}

/** The limits of one kind of key. */
export interface ThrottleLimits {
  /** Failures that cost nothing. */
  freeFailures: number;
  /** The longest wait after a failure. */
  maxDelayMs: number;
  /** Failures older than this are forgotten. */
  forgetAfterMs: number;
  /** Keys remembered at most (least recently failing forgotten first). */
  maxKeys: number;
}

/** Failure counts for one kind of key. */
export class SignInThrottle {
  readonly #failures: BoundedMap<string, Failures>;

  constructor(private readonly limits: ThrottleLimits) {
    this.#failures = new BoundedMap(limits.maxKeys);
  }

  /** Milliseconds `key` must still wait before its next attempt at `now`; 0 to go ahead. */
  waitMs(key: string, now: number): number {
    const failures = this.#current(key, now);
    if (failures === undefined || failures.count <= this.limits.freeFailures) return 0;
    const delay = Math.min(
      1000 * 2 ** (failures.count - this.limits.freeFailures - 1),
      this.limits.maxDelayMs,
    );
    return Math.max(0, failures.lastAt + delay - now);
  }

  /** Counts a failed attempt of `key` at `now`. */
  fail(key: string, now: number): void {
    const failures = this.#current(key, now) ?? { count: 0, lastAt: now };
    failures.count += 1;
    failures.lastAt = now;
    this.#failures.set(key, failures);
  }

  /** Forgets `key`'s failures (a successful sign-in to the account). */
  clear(key: string): void {
    this.#failures.delete(key);
  }

  #current(key: string, now: number): Failures | undefined {
    const failures = this.#failures.get(key);
    if (failures !== undefined && now - failures.lastAt >= this.limits.forgetAfterMs) {
      this.#failures.delete(key);
      return undefined;
    }
    return failures;
  }
}
