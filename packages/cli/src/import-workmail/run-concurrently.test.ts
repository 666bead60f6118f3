import { describe, expect, it } from 'vitest';
import { runConcurrently } from './run-concurrently.js';

describe('runConcurrently', () => {
  it('returns the results in the order of the items, never running more than asked at once', async () => {
    let running = 0;
    let most = 0;
    const results = await runConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return n * 10;
    });
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('stops taking items after a failure and rejects with it', async () => {
    const started: number[] = [];
    const run = runConcurrently([1, 2, 3, 4, 5], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('boom');
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });

  it('handles no items', async () => {
    expect(await runConcurrently([], 4, async () => 1)).toEqual([]);
  });
});
