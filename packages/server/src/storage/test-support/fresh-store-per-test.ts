/**
 * The store of the contract suites: a fresh migrated store for each test, closed after it.
 * @module
 */
import { afterEach, beforeEach } from 'vitest';
import type { Store } from '../store.js';

/**
 * Registers the hooks that open a store (`makeStore`) before each test of the enclosing describe
 * and close it after; returns a Store that forwards every call to the current test's store, so
 * the suites keep writing `store.insertToken(...)`.
 */
export function freshStorePerTest(makeStore: () => Promise<Store>): Store {
  let current: Store | undefined;
  beforeEach(async () => {
    current = await makeStore();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as Store, {
    get(_target, key) {
      if (current === undefined) throw new Error('the contract store is open only inside a test');
      const value: unknown = current[key as keyof Store];
      return typeof value === 'function'
        ? (value as (...args: never[]) => unknown).bind(current)
        : value;
    },
  });
}
