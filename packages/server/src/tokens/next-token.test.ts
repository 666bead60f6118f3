import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidParameterException } from '../errors/index.js';
import { NEXT_TOKEN_TTL_MS } from './constants.js';
import { createNextTokenCodec, generateNextTokenKey } from './next-token.js';
import type { NextTokenBinding } from './next-token.js';

const ORG_A = 'm-0123456789abcdef0123456789abcdef';
const ORG_B = 'm-fedcba9876543210fedcba9876543210';
const binding: NextTokenBinding = { operation: 'ListPersonalAccessTokens', scope: `${ORG_A}|*` };
const cursor = { createdAt: 1_700_000_000_123, id: 'pat-0123456789abcdefghijklmnop' };
const key = randomBytes(32);

/** A codec whose clock the test moves. */
function codecAt(start = 1_750_000_000_000) {
  const clock = { now: start };
  const codec = createNextTokenCodec(key, { now: () => clock.now });
  return { codec, clock };
}

function expectRejected(decode: () => unknown, message = 'Invalid NextToken'): void {
  let error: unknown;
  try {
    decode();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(InvalidParameterException);
  expect((error as Error).message).toBe(message);
}

describe('createNextTokenCodec', () => {
  it('round-trips the cursor', () => {
    const { codec } = codecAt();
    expect(codec.decode(codec.encode(binding, cursor), binding)).toEqual(cursor);
  });

  it('round-trips fractional and zero creation times and non-ASCII ids', () => {
    const { codec } = codecAt();
    for (const other of [
      { createdAt: 0, id: 'x' },
      { createdAt: 1_700_000_000.5, id: 'é-😀' },
    ]) {
      expect(codec.decode(codec.encode(binding, other), binding)).toEqual(other);
    }
  });

  it('writes standard base64 within 1024 characters for a 64-character id', () => {
    const { codec } = codecAt();
    const token = codec.encode(binding, { createdAt: Date.now(), id: 'a'.repeat(64) });
    expect(token).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(token.length).toBeLessThanOrEqual(1024);
  });

  it('is accepted by another codec over the same key (another instance, a restart)', () => {
    const token = codecAt().codec.encode(binding, cursor);
    expect(codecAt().codec.decode(token, binding)).toEqual(cursor);
  });

  it('rejects a NextToken issued for another organization', () => {
    const { codec } = codecAt();
    const token = codec.encode(binding, cursor);
    expectRejected(() => codec.decode(token, { ...binding, scope: `${ORG_B}|*` }));
  });

  it('rejects a NextToken issued for another user filter', () => {
    const { codec } = codecAt();
    const token = codec.encode({ ...binding, scope: `${ORG_A}|user-1` }, cursor);
    expectRejected(() => codec.decode(token, binding));
    expectRejected(() => codec.decode(token, { ...binding, scope: `${ORG_A}|user-2` }));
  });

  it('rejects a NextToken issued for another operation', () => {
    const { codec } = codecAt();
    const token = codec.encode({ operation: 'ListUsers', scope: binding.scope }, cursor);
    expectRejected(() => codec.decode(token, binding));
  });

  it('does not let operation and scope trade characters', () => {
    const { codec } = codecAt();
    const token = codec.encode({ operation: 'List', scope: 'Xscope' }, cursor);
    expectRejected(() => codec.decode(token, { operation: 'ListX', scope: 'scope' }));
  });

  it('rejects a NextToken made under another key', () => {
    const token = createNextTokenCodec(randomBytes(32)).encode(binding, cursor);
    expectRejected(() => createNextTokenCodec(key).decode(token, binding));
  });

  it('accepts a NextToken until 24 hours after issue, then says it has expired', () => {
    const { codec, clock } = codecAt();
    const token = codec.encode(binding, cursor);
    clock.now += NEXT_TOKEN_TTL_MS;
    expect(codec.decode(token, binding)).toEqual(cursor);
    clock.now += 1;
    expectRejected(() => codec.decode(token, binding), 'NextToken has expired');
  });

  it('honours a custom ttl', () => {
    const clock = { now: 1_000_000 };
    const codec = createNextTokenCodec(key, { ttlMs: 1000, now: () => clock.now });
    const token = codec.encode(binding, cursor);
    clock.now += 1001;
    expectRejected(() => codec.decode(token, binding), 'NextToken has expired');
  });

  it('rejects a NextToken issued far in the future', () => {
    const { codec, clock } = codecAt();
    const token = codec.encode(binding, cursor);
    clock.now -= 60 * 60 * 1000;
    expectRejected(() => codec.decode(token, binding));
  });

  it('rejects tampering with any one character of a NextToken', () => {
    const { codec } = codecAt();
    const token = codec.encode(binding, cursor);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
    for (let i = 0; i < token.length; i++) {
      for (const replacement of [alphabet[(alphabet.indexOf(token[i] as string) + 1) % 65], '-']) {
        const tampered = token.slice(0, i) + replacement + token.slice(i + 1);
        expect(() => codec.decode(tampered, binding), `position ${i}`).toThrow(
          InvalidParameterException,
        );
      }
    }
  });

  it('rejects a token with an unknown version even when correctly signed', async () => {
    const { createHmac } = await import('node:crypto');
    const { codec } = codecAt();
    const payload = Buffer.from(codec.encode(binding, cursor), 'base64').subarray(0, -32);
    payload[0] = 2;
    const hmac = createHmac('sha256', key);
    for (const part of [binding.operation, binding.scope]) {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(Buffer.byteLength(part));
      hmac.update(length).update(part);
    }
    const forged = Buffer.concat([payload, hmac.update(payload).digest()]).toString('base64');
    expectRejected(() => codec.decode(forged, binding));
  });

  it.each([
    ['an empty string', ''],
    ['garbage', '!!!not base64!!!'],
    ['base64url', 'AQID-_AQID'],
    ['a short token', Buffer.from('short').toString('base64')],
    ['an over-long token', 'A'.repeat(1028)],
    ['missing padding', 'QUJD' + 'QQ'],
  ])('rejects %s', (_label, token) => {
    expectRejected(() => codecAt().codec.decode(token, binding));
  });

  it('rejects a truncated or extended NextToken', () => {
    const { codec } = codecAt();
    const token = codec.encode(binding, cursor);
    expectRejected(() => codec.decode(token.slice(0, -4), binding));
    expectRejected(() => codec.decode(`${token}AAAA`, binding));
  });

  it('refuses a key shorter than 16 bytes', () => {
    expect(() => createNextTokenCodec(randomBytes(8))).toThrow(/at least 16 bytes/);
  });
});

describe('generateNextTokenKey', () => {
  it('makes a fresh base64 key of 32 bytes', () => {
    const first = generateNextTokenKey();
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(first).not.toBe(generateNextTokenKey());
  });
});
