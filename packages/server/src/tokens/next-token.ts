/**
 * NextTokens of keyset-paginated List operations: the cursor (the last row's sort key) and
 * the issue time, authenticated with HMAC-SHA256 over the payload and what the token is bound to
 * (operation and filter scope), so a token only continues the listing it came from, for 24 hours.
 *
 * Wire form: standard base64 of `version (1) | issuedAt ms (6, BE) | cursor.createdAt (float64 BE) |
 * cursor.id (UTF-8) | HMAC (32)`. A 64-character id gives a 148-character token.
 * @module
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidParameterException } from '../errors/index.js';
import {
  NEXT_TOKEN_KEY_BYTES,
  NEXT_TOKEN_MAX_CLOCK_SKEW_MS,
  NEXT_TOKEN_MAX_LENGTH,
  NEXT_TOKEN_MIN_KEY_BYTES,
  NEXT_TOKEN_TTL_MS,
  NEXT_TOKEN_VERSION,
} from './constants.js';

/** What a token is valid for: the operation and its filters, e.g. `orgId|userId-or-*`. */
export interface NextTokenBinding {
  operation: string;
  scope: string;
}

/** Where the next page starts: after this (DateCreated, id). */
export interface NextTokenCursor {
  createdAt: number;
  id: string;
}

/** Issues and checks the NextTokens of one key. */
export interface NextTokenCodec {
  encode(binding: NextTokenBinding, cursor: NextTokenCursor): string;
  /** The cursor, or InvalidParameterException for anything not issued for `binding` in time. */
  decode(token: string, binding: NextTokenBinding): NextTokenCursor;
}

export interface NextTokenCodecOptions {
  ttlMs?: number;
  now?: () => number;
}

const HEADER_BYTES = 1 + 6 + 8;
const MAC_BYTES = 32;

/** A codec over `key` (kept by the caller, shared by every instance). */
export function createNextTokenCodec(
  key: Buffer,
  { ttlMs = NEXT_TOKEN_TTL_MS, now = Date.now }: NextTokenCodecOptions = {},
): NextTokenCodec {
  if (key.length < NEXT_TOKEN_MIN_KEY_BYTES) {
    throw new Error(`NextToken key must have at least ${NEXT_TOKEN_MIN_KEY_BYTES} bytes`);
  }
  return {
    encode(binding, cursor) {
      const payload = encodePayload(Math.floor(now()), cursor);
      const token = Buffer.concat([payload, sign(key, binding, payload)]).toString('base64');
      if (token.length > NEXT_TOKEN_MAX_LENGTH) throw new Error('NextToken cursor id is too long');
      return token;
    },
    decode(token, binding) {
      const payload = verify(key, token, binding);
      const issuedAt = payload.readUIntBE(1, 6);
      const current = now();
      if (issuedAt > current + NEXT_TOKEN_MAX_CLOCK_SKEW_MS) throw invalidNextToken();
      if (current - issuedAt > ttlMs) throw new InvalidParameterException('NextToken has expired');
      return { createdAt: payload.readDoubleBE(7), id: payload.toString('utf8', HEADER_BYTES) };
    },
  };
}

/** A fresh HMAC key, base64, for the caller to store. */
export function generateNextTokenKey(): string {
  return randomBytes(NEXT_TOKEN_KEY_BYTES).toString('base64');
}

function encodePayload(issuedAt: number, cursor: NextTokenCursor): Buffer {
  if (!Number.isFinite(cursor.createdAt)) throw new Error('NextToken cursor needs a finite time');
  const id = Buffer.from(cursor.id, 'utf8');
  const payload = Buffer.alloc(HEADER_BYTES + id.length);
  payload.writeUInt8(NEXT_TOKEN_VERSION, 0);
  payload.writeUIntBE(issuedAt, 1, 6);
  payload.writeDoubleBE(cursor.createdAt, 7);
  id.copy(payload, HEADER_BYTES);
  return payload;
}

/**
 * The payload of a token this key issued for `binding`. Every failure reads the same, so the
 * message tells nothing about which check failed.
 */
function verify(key: Buffer, token: string, binding: NextTokenBinding): Buffer {
  if (typeof token !== 'string' || token.length > NEXT_TOKEN_MAX_LENGTH) throw invalidNextToken();
  const bytes = Buffer.from(token, 'base64');
  // Buffer.from skips junk and ignores stray bits; only the canonical spelling is ours.
  if (bytes.length < HEADER_BYTES + MAC_BYTES || bytes.toString('base64') !== token) {
    throw invalidNextToken();
  }
  const payload = bytes.subarray(0, bytes.length - MAC_BYTES);
  const mac = bytes.subarray(bytes.length - MAC_BYTES);
  if (!timingSafeEqual(mac, sign(key, binding, payload))) throw invalidNextToken();
  if (payload[0] !== NEXT_TOKEN_VERSION) throw invalidNextToken();
  return payload;
}

/** HMAC over the length-prefixed binding, then the payload: no two inputs share an encoding. */
function sign(key: Buffer, binding: NextTokenBinding, payload: Buffer): Buffer {
  const hmac = createHmac('sha256', key);
  for (const part of [binding.operation, binding.scope]) {
    const bytes = Buffer.from(part, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hmac.update(length).update(bytes);
  }
  return hmac.update(payload).digest();
}

function invalidNextToken(): InvalidParameterException {
  return new InvalidParameterException('Invalid NextToken');
}
