/**
 * Builds the `lookupSecret` that verifySigV4 uses, from the resolved root credentials.
 * @module
 */
import type { Store } from '../storage/store.js';
import { ACCESS_KEY_CACHE_SIZE, ACCESS_KEY_CACHE_TTL_MS } from './constants.js';
import type { RootCredentials } from './root-credentials.js';
import type { AccessKeySecret, LookupSecret } from './verify-sigv4.js';

/** Cache tuning for createAccessKeyLookup; the defaults suit production. */
export interface AccessKeyLookupOptions {
  /** How long a key read from the store is trusted; a disabled key stops working after it. */
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

/**
 * With root credentials from the environment, only that key is valid (the store's keys are
 * ignored). Otherwise keys are read from the store and kept for `ttlMs` (2 s by default);
 * unknown keys are not cached, so a newly stored key works at once.
 */
export function createAccessKeyLookup(
  root: RootCredentials,
  store: Pick<Store, 'getAccessKey'>,
  options: AccessKeyLookupOptions = {},
): LookupSecret {
  if (root.source === 'env') {
    const secret: AccessKeySecret = { secretAccessKey: root.secretAccessKey, enabled: true };
    return async (accessKeyId) => (accessKeyId === root.accessKeyId ? secret : undefined);
  }
  const ttlMs = options.ttlMs ?? ACCESS_KEY_CACHE_TTL_MS;
  const maxEntries = options.maxEntries ?? ACCESS_KEY_CACHE_SIZE;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { secret: AccessKeySecret; expiresAt: number }>();
  return async (accessKeyId) => {
    const cached = cache.get(accessKeyId);
    if (cached !== undefined && cached.expiresAt > now()) return cached.secret;
    const record = await store.getAccessKey(accessKeyId);
    cache.delete(accessKeyId);
    if (record === undefined) return undefined;
    const secret = { secretAccessKey: record.secretAccessKey, enabled: record.enabled };
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(accessKeyId, { secret, expiresAt: now() + ttlMs });
    return secret;
  };
}
