/**
 * The retry policy: up to `maxAttempts`, exponential backoff with full jitter.
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * @module
 */
import { DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_DELAY_MS } from './constants.js';
import { isRetryableError } from './is-retryable-error.js';

/** What the client asks of a retry policy; implement it to replace the standard one. */
export interface RetryStrategy {
  /** Attempts per call, the first included. */
  readonly maxAttempts: number;
  /** Whether to try again after `attempts` attempts, the last of which failed with `error`. */
  shouldRetry(error: unknown, attempts: number): boolean;
  /** Milliseconds to wait before the next attempt, after `attempts` attempts. */
  computeDelay(attempts: number): number;
  /** Waits; injectable so tests need not. */
  sleep(ms: number): Promise<void>;
}

/** Options of the standard strategy; `random` and `sleep` are for tests. */
export interface StandardRetryOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A number in [0, 1); `Math.random` by default. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Retries what `isRetryableError` accepts; delay = random * min(cap, base * 2^(attempts-1)). */
export class StandardRetryStrategy implements RetryStrategy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly #random: () => number;
  readonly #wait: (ms: number) => Promise<void>;

  constructor(options: StandardRetryOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1) {
      throw new RangeError(`maxAttempts must be an integer >= 1, got ${this.maxAttempts}`);
    }
    this.baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
    this.maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    this.#random = options.random ?? Math.random;
    this.#wait = options.sleep ?? defaultSleep;
  }

  shouldRetry(error: unknown, attempts: number): boolean {
    return attempts < this.maxAttempts && isRetryableError(error);
  }

  computeDelay(attempts: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempts - 1));
    return Math.floor(this.#random() * ceiling);
  }

  sleep(ms: number): Promise<void> {
    return this.#wait(ms);
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
