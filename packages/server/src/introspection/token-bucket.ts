/**
 * A token-bucket limiter keyed by string (a source address). Written here because it is
 * forty lines over a Map; the npm limiters bring stores and timers this does not need.
 * @module
 */
import { BoundedMap } from './bounded-map.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** Set when the bucket ran dry, cleared once it is full again: one warning per episode. */
  exhausted: boolean;
}

/**
 * Buckets of `capacity` tokens refilled at `refillPerSecond`; at most `maxKeys` are kept, the
 * least recently used forgotten first (it is the likeliest to have refilled), in O(1) however
 * many addresses a flood brings: a scan for refilled buckets at the cap would cost O(maxKeys)
 * per request.
 */
export class TokenBucketLimiter {
  readonly #buckets: BoundedMap<string, Bucket>;

  constructor(
    private readonly options: { capacity: number; refillPerSecond: number; maxKeys: number },
  ) {
    this.#buckets = new BoundedMap(options.maxKeys);
  }

  /** Buckets tracked now; never above maxKeys. */
  get size(): number {
    return this.#buckets.size;
  }

  /** True when `key` has no token left at `now` (epoch ms). */
  isExhausted(key: string, now: number): boolean {
    const bucket = this.#buckets.get(key);
    return bucket !== undefined && this.#refill(bucket, now).tokens < 1;
  }

  /**
   * Takes one token from `key`'s bucket (not below zero). True when this take emptied a bucket
   * that was not already in an exhaustion episode: the moment to warn, once.
   */
  take(key: string, now: number): boolean {
    const known = this.#buckets.get(key);
    const bucket = known
      ? this.#refill(known, now)
      : { tokens: this.options.capacity, updatedAt: now, exhausted: false };
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1 || bucket.exhausted) return false;
    bucket.exhausted = true;
    return true;
  }

  /** Seconds until `key` has a token again. */
  secondsUntilAvailable(key: string, now: number): number {
    const bucket = this.#buckets.get(key);
    const missing = bucket === undefined ? 0 : 1 - this.#refill(bucket, now).tokens;
    return missing <= 0 ? 0 : Math.ceil(missing / this.options.refillPerSecond);
  }

  #refill(bucket: Bucket, now: number): Bucket {
    const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(
      this.options.capacity,
      bucket.tokens + elapsed * this.options.refillPerSecond,
    );
    bucket.updatedAt = Math.max(bucket.updatedAt, now);
    if (bucket.tokens >= this.options.capacity) bucket.exhausted = false;
    return bucket;
  }
}
