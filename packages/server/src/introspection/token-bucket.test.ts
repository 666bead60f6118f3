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

  it('forgets the least recently used bucket first when it tracks too many keys', () => {
    const limiter = new TokenBucketLimiter({ capacity: 2, refillPerSecond: 1, maxKeys: 2 });
    limiter.take('old', 0);
    limiter.take('busy', 5000);
    limiter.take('busy', 5000);
    limiter.take('new', 5000);
    expect(limiter.isExhausted('busy', 5000)).toBe(true);
    expect(limiter.size).toBe(2);
  });

  it('reports an exhaustion once, until the bucket has refilled completely', () => {
    const limiter = new TokenBucketLimiter({ capacity: 2, refillPerSecond: 1, maxKeys: 10 });
    expect([limiter.take('a', 0), limiter.take('a', 0)]).toEqual([false, true]);
    // Refilled by one token only: a steady trickle of failures stays one episode.
    expect([limiter.take('a', 1000), limiter.take('a', 2000)]).toEqual([false, false]);
    // Full after two quiet seconds: the next exhaustion is a new episode.
    expect([limiter.take('a', 4000), limiter.take('a', 4000)]).toEqual([false, true]);
  });

  it('never tracks more than maxKeys, however many addresses fail', () => {
    const limiter = new TokenBucketLimiter({ capacity: 20, refillPerSecond: 1, maxKeys: 100_000 });
    let largest = 0;
    for (let i = 0; i < 200_000; i++) {
      limiter.take(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, i);
      largest = Math.max(largest, limiter.size);
    }
    expect(largest).toBe(100_000);
  });
});
