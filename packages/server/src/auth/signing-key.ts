/**
 * The SigV4 signing key, derived once per (secret, date, region, service) and kept in a bounded
 * cache: a request then costs one HMAC instead of five.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#derive-signing-key
 * @module
 */
import { createHmac } from 'node:crypto';
import { SCOPE_TERMINATOR, SIGNING_KEY_CACHE_SIZE } from './constants.js';

const keys = new Map<string, Buffer>();

/** `kSigning` for this scope; evicts the oldest entry when the cache is full. */
export function getSigningKey(
  secretAccessKey: string,
  shortDate: string,
  region: string,
  service: string,
): Buffer {
  // Scope elements never contain '\n' (the Authorization parser refuses whitespace), and the
  // secret comes last, so the key cannot be ambiguous.
  const cacheKey = `${shortDate}\n${region}\n${service}\n${secretAccessKey}`;
  let key = keys.get(cacheKey);
  if (key === undefined) {
    key = deriveSigningKey(secretAccessKey, [shortDate, region, service, SCOPE_TERMINATOR]);
    if (keys.size >= SIGNING_KEY_CACHE_SIZE) keys.delete(keys.keys().next().value as string);
    keys.set(cacheKey, key);
  }
  return key;
}

function deriveSigningKey(secretAccessKey: string, scope: readonly string[]): Buffer {
  let key: Buffer | string = `AWS4${secretAccessKey}`;
  for (const element of scope) key = createHmac('sha256', key).update(element).digest();
  return key as Buffer;
}
