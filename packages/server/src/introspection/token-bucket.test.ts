import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from './token-bucket.js';

describe('TokenBucketLimiter', () => {
  it('allows a burst of capacity, then refills at the given rate', () => {
    const limiter = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 2, maxKeys: 10 });
    for (let i = 0; i < 3; i++) limiter.take('a', 0);
    expect(limiter.isExhausted('a', 0)).toBe(true);
    expect(limiter.secondsUntilAvailable('a', 0)).toBe(1);
    expect(limiter.isExhausted('a', 499)).toBe(true);
    expect(limiter.isExhausted('a', 500)).toBe(false);
  });

  it('keeps keys apart', () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 1, maxKeys: 10 });
    limiter.take('a', 0);
    expect(limiter.isExhausted('a', 0)).toBe(true);
    expect(limiter.isExhausted('b', 0)).toBe(false);
  });

  it('forgets refilled buckets first when it tracks too many keys', () => {
    const limiter = new TokenBucketLimiter({ capacity: 2, refillPerSecond: 1, maxKeys: 2 });
    limiter.take('old', 0);
    limiter.take('busy', 5000);
    limiter.take('busy', 5000);
    limiter.take('new', 5000);
    expect(limiter.isExhausted('busy', 5000)).toBe(true);
  });
});
