import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BASE62_ALPHABET } from './constants.js';
import {
  checksumOf,
  generateTokenSecret,
  hasValidChecksum,
  hashTokenSecret,
} from './token-secret.js';

const SECRET_FORMAT = /^mpat_[0-9A-Za-z]{38,}$/;

/** Decodes base62 (0-9A-Za-z) back to a number, independently of the encoder. */
function fromBase62(text: string): number {
  return [...text].reduce((value, char) => value * 62 + BASE62_ALPHABET.indexOf(char), 0);
}

describe('generateTokenSecret', () => {
  it('makes 10,000 secrets that match the format and pass the checksum', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const secret = generateTokenSecret();
      expect(secret).toMatch(SECRET_FORMAT);
      expect(hasValidChecksum(secret)).toBe(true);
      seen.add(secret);
    }
    expect(seen.size).toBe(10_000);
  });

  it('carries 33 random characters and a 6-character checksum', () => {
    expect(generateTokenSecret()).toHaveLength(5 + 33 + 6);
  });

  it('ends with the CRC32 of everything before it, base62, zero-padded', () => {
    const secret = generateTokenSecret();
    const body = secret.slice(0, -6);
    expect(fromBase62(secret.slice(-6))).toBe(crc32(body));
  });

  it('uses all 62 characters about evenly (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      for (const char of generateTokenSecret().slice(5, -6)) {
        counts.set(char, (counts.get(char) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(62);
    // 99,000 draws, 1,597 expected per symbol; a 2-symbol bias (as with byte % 62) shows as ~+25%.
    for (const count of counts.values()) expect(count).toBeGreaterThan(1350);
    for (const count of counts.values()) expect(count).toBeLessThan(1850);
  });
});

describe('checksumOf', () => {
  it('left-pads small CRC values with 0', () => {
    const bodies = Array.from({ length: 5000 }, (_, i) => `mpat_${i}`);
    const small = bodies.find((body) => crc32(body) < 62 ** 5);
    expect(small).toBeDefined();
    expect(checksumOf(small as string)).toMatch(/^0[0-9A-Za-z]{5}$/);
  });
});

describe('hasValidChecksum', () => {
  const secret = generateTokenSecret();

  it('detects a single changed character through the checksum', () => {
    for (let i = 5; i < secret.length; i++) {
      const original = secret[i] as string;
      const replacement = original === 'a' ? 'b' : 'a';
      const tampered = secret.slice(0, i) + replacement + secret.slice(i + 1);
      expect(hasValidChecksum(tampered), `position ${i}`).toBe(false);
    }
  });

  it.each([
    ['an empty string', ''],
    ['another prefix', `ghp_${secret.slice(5)}`],
    ['a short secret', 'mpat_abc123'],
    ['a non-base62 character', `${secret.slice(0, 10)}-${secret.slice(11)}`],
    ['trailing whitespace', `${secret} `],
    ['a huge string', `mpat_${'a'.repeat(100_000)}`],
  ])('refuses %s without throwing', (_label, candidate) => {
    expect(hasValidChecksum(candidate)).toBe(false);
  });

  it('refuses non-strings without throwing', () => {
    expect(hasValidChecksum(undefined)).toBe(false);
    expect(hasValidChecksum(42)).toBe(false);
  });

  it('accepts a longer random part with a correct checksum', () => {
    const body = `mpat_${'Z'.repeat(40)}`;
    expect(hasValidChecksum(body + checksumOf(body))).toBe(true);
  });
});

describe('hashTokenSecret', () => {
  it('is the lowercase hex SHA-256 of the secret', () => {
    expect(hashTokenSecret('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('differs for secrets that differ in one character', () => {
    expect(hashTokenSecret('mpat_a')).not.toBe(hashTokenSecret('mpat_b'));
  });
});
