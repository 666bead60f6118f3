import { describe, expect, it } from 'vitest';
import { TokenCountCache } from './token-count-cache.js';

/** A store whose counts come from a list of answers (an Error rejects), counting the calls. */
function scriptedStore(answers: ({ active: number; expired: number } | Error)[]) {
  const store = {
    calls: 0,
    countTokensByState: () => {
      const answer = answers[store.calls++]!;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
  return store;
}

describe('TokenCountCache', () => {
  it('should share one count between concurrent reads', async () => {
    const store = scriptedStore([{ active: 1, expired: 0 }]);
    const cache = new TokenCountCache(store, { maxAgeMs: 1000, now: () => 0 });
    const reads = await Promise.all([cache.read(), cache.read(), cache.read()]);
    expect(reads).toEqual([
      { active: 1, expired: 0 },
      { active: 1, expired: 0 },
      { active: 1, expired: 0 },
    ]);
    expect(store.calls).toBe(1);
  });

  it('should keep the last counts through a failed count, and not retry it before the max age', async () => {
    let clock = 0;
    const store = scriptedStore([
      { active: 5, expired: 1 },
      new Error('down'),
      { active: 6, expired: 1 },
    ]);
    const cache = new TokenCountCache(store, { maxAgeMs: 1000, now: () => clock });
    expect(await cache.read()).toEqual({ active: 5, expired: 1 });
    clock = 1000;
    expect(await cache.read()).toEqual({ active: 5, expired: 1 });
    clock = 1999;
    expect(await cache.read()).toEqual({ active: 5, expired: 1 });
    expect(store.calls).toBe(2);
    clock = 2000;
    expect(await cache.read()).toEqual({ active: 6, expired: 1 });
  });

  it('should report nothing until a count has succeeded', async () => {
    const store = scriptedStore([new Error('down')]);
    const cache = new TokenCountCache(store, { maxAgeMs: 1000, now: () => 0 });
    expect(await cache.read()).toBeUndefined();
  });
});
