import { describe, expect, it } from 'vitest';
import { createAccessKeyLookup } from './access-key-lookup.js';
import { MemoryAccessKeys } from './test-support/memory-access-keys.js';

const ROOT = { accessKeyId: 'AKIAROOTKEY234567ABC', secretAccessKey: 'r'.repeat(40) };

function storeWithRoot() {
  const store = new MemoryAccessKeys();
  store.keys.set(ROOT.accessKeyId, { ...ROOT, enabled: true, createdAt: 1 });
  return store;
}

describe('createAccessKeyLookup', () => {
  it('accepts only the environment key when root credentials come from the environment', async () => {
    const store = storeWithRoot();
    const env = { accessKeyId: 'AKIAENVKEY234567ABCD', secretAccessKey: 'e'.repeat(40) };
    const lookup = createAccessKeyLookup({ ...env, source: 'env' }, store);
    await expect(lookup(env.accessKeyId)).resolves.toEqual({
      secretAccessKey: env.secretAccessKey,
      enabled: true,
    });
    await expect(lookup(ROOT.accessKeyId)).resolves.toBeUndefined();
    expect(store.reads).toBe(0);
  });

  it('reads keys from the store and serves repeats from memory', async () => {
    const store = storeWithRoot();
    const lookup = createAccessKeyLookup({ ...ROOT, source: 'stored' }, store);
    await expect(lookup(ROOT.accessKeyId)).resolves.toEqual({
      secretAccessKey: ROOT.secretAccessKey,
      enabled: true,
    });
    await lookup(ROOT.accessKeyId);
    expect(store.reads).toBe(1);
  });

  it('stops accepting a disabled key once the cache entry expires', async () => {
    const store = storeWithRoot();
    let now = 0;
    const lookup = createAccessKeyLookup({ ...ROOT, source: 'stored' }, store, {
      ttlMs: 2_000,
      now: () => now,
    });
    await lookup(ROOT.accessKeyId);
    store.keys.get(ROOT.accessKeyId)!.enabled = false;
    now = 1_999;
    await expect(lookup(ROOT.accessKeyId)).resolves.toMatchObject({ enabled: true });
    now = 2_000;
    await expect(lookup(ROOT.accessKeyId)).resolves.toMatchObject({ enabled: false });
  });

  it('finds a key stored after an unsuccessful lookup at once', async () => {
    const store = new MemoryAccessKeys();
    const lookup = createAccessKeyLookup({ ...ROOT, source: 'generated' }, store);
    await expect(lookup(ROOT.accessKeyId)).resolves.toBeUndefined();
    store.keys.set(ROOT.accessKeyId, { ...ROOT, enabled: true, createdAt: 1 });
    await expect(lookup(ROOT.accessKeyId)).resolves.toBeDefined();
  });

  it('keeps at most maxEntries keys in memory', async () => {
    const store = storeWithRoot();
    for (const id of ['AKIAA', 'AKIAB']) {
      store.keys.set(id, { accessKeyId: id, secretAccessKey: 's', enabled: true, createdAt: 2 });
    }
    const lookup = createAccessKeyLookup({ ...ROOT, source: 'stored' }, store, { maxEntries: 2 });
    await lookup('AKIAA');
    await lookup('AKIAB');
    await lookup(ROOT.accessKeyId); // evicts AKIAA
    await lookup('AKIAB');
    expect(store.reads).toBe(3);
    await lookup('AKIAA');
    expect(store.reads).toBe(4);
  });
});
