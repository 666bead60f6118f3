/**
 * PAT secrets: `mpat_` + 33 random base62 characters + a 6-character base62 CRC32 of
 * everything before it, so a scanner can tell a real secret from a look-alike offline.
 * @module
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import {
  BASE62_ALPHABET,
  TOKEN_SECRET_CHECKSUM_LENGTH,
  TOKEN_SECRET_MAX_RANDOM_LENGTH,
  TOKEN_SECRET_MIN_RANDOM_LENGTH,
  TOKEN_SECRET_PREFIX,
  TOKEN_SECRET_RANDOM_LENGTH,
} from './constants.js';
import { randomString } from './random-string.js';

const BASE62_BODY = /^[0-9A-Za-z]+$/;

/** A new secret; show it once, store only hashTokenSecret(secret). */
export function generateTokenSecret(): string {
  const body = TOKEN_SECRET_PREFIX + randomString(BASE62_ALPHABET, TOKEN_SECRET_RANDOM_LENGTH);
  return body + checksumOf(body);
}

/** The 6-character checksum: CRC32 of `body`, base62, left-padded with '0'. */
export function checksumOf(body: string): string {
  let value = crc32(body);
  let out = '';
  while (value > 0) {
    out = BASE62_ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out.padStart(TOKEN_SECRET_CHECKSUM_LENGTH, '0');
}

/** True when `secret` has the mailpat format and its checksum matches. Never throws. */
export function hasValidChecksum(secret: unknown): boolean {
  if (typeof secret !== 'string' || !secret.startsWith(TOKEN_SECRET_PREFIX)) return false;
  const randomLength = secret.length - TOKEN_SECRET_PREFIX.length - TOKEN_SECRET_CHECKSUM_LENGTH;
  if (randomLength < TOKEN_SECRET_MIN_RANDOM_LENGTH) return false;
  if (randomLength > TOKEN_SECRET_MAX_RANDOM_LENGTH) return false;
  if (!BASE62_BODY.test(secret.slice(TOKEN_SECRET_PREFIX.length))) return false;
  const split = secret.length - TOKEN_SECRET_CHECKSUM_LENGTH;
  return checksumOf(secret.slice(0, split)) === secret.slice(split);
}

/** Lowercase hex SHA-256 of the secret: the only form of it that is stored. */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
