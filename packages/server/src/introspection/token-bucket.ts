/**
 * @module A token-bucket limiter keyed by string (client address, client id). Written here
 * because it is twenty lines over a Map; the npm limiters bring stores and timers this does not
 * need.
 */

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets of `capacity` tokens refilled at `refillPerSecond`; at most `maxKeys` are kept. */
export class TokenBucketLimiter {
  readonly #buckets = new Map<string, Bucket>();

  constructor(
    private readonly options: { capacity: number; refillPerSecond: number; maxKeys: number },
  ) {}

  /** True when `key` has no token left at `now` (epoch ms). */
  isExhausted(key: string, now: number): boolean {
    return this.#refill(key, now).tokens < 1;
  }

  /** Takes one token from `key`'s bucket (not below zero). */
  take(key: string, now: number): void {
    const bucket = this.#refill(key, now);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.options.maxKeys) this.#evict(now);
  }

  /** Seconds until `key` has a token again. */
  secondsUntilAvailable(key: string, now: number): number {
    const missing = 1 - this.#refill(key, now).tokens;
    return missing <= 0 ? 0 : Math.ceil(missing / this.options.refillPerSecond);
  }

  #refill(key: string, now: number): Bucket {
    const bucket = this.#buckets.get(key);
    if (bucket === undefined) return { tokens: this.options.capacity, updatedAt: now };
    const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(
      this.options.capacity,
      bucket.tokens + elapsed * this.options.refillPerSecond,
    );
    bucket.updatedAt = now;
    return bucket;
  }

  /** Drops buckets that have refilled (they hold no state), then the oldest if still too many. */
  #evict(now: number): void {
    for (const key of [...this.#buckets.keys()]) {
      if (this.#refill(key, now).tokens >= this.options.capacity) this.#buckets.delete(key);
    }
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= this.options.maxKeys) break;
      this.#buckets.delete(key);
    }
  }
}
