import { describe, expect, it } from 'vitest';
import type { LoginSubject } from '../domain/records.js';
import { RefusalCache } from './refusal-cache.js';

const subject = { token: { id: 'pat-1' } } as LoginSubject;

describe('RefusalCache', () => {
  it('remembers a refusal until its time to live has passed', () => {
    const cache = new RefusalCache({ maxEntries: 10 });
    cache.remember('unknown', undefined, 0, 300_000);
    cache.remember('refused', subject, 0, 3_000);
    expect(cache.get('unknown', 299_999)).toEqual({ subject: undefined });
    expect(cache.get('refused', 2_999)).toEqual({ subject });
    expect(cache.get('refused', 3_000)).toBeUndefined();
    expect(cache.get('unknown', 300_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never holds more than maxEntries hashes, forgetting the oldest first', () => {
    const cache = new RefusalCache({ maxEntries: 50_000 });
    let largest = 0;
    for (let i = 0; i < 200_000; i++) {
      cache.remember(`hash-${i}`, undefined, 0, 300_000);
      largest = Math.max(largest, cache.size);
    }
    expect(largest).toBe(50_000);
    expect(cache.get('hash-0', 1)).toBeUndefined();
    expect(cache.get('hash-199999', 1)).toBeDefined();
  });
});
