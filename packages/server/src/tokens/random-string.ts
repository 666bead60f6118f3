/**
 * Unbiased random strings over a small alphabet.
 * @module
 */
import { randomBytes } from 'node:crypto';

/**
 * `length` characters drawn uniformly from `alphabet` (at most 256 characters). Bytes at or above
 * the largest multiple of the alphabet size are rejected, so `byte % size` has no modulo bias.
 */
export function randomString(alphabet: string, length: number): string {
  const size = alphabet.length;
  const limit = 256 - (256 % size);
  let out = '';
  while (out.length < length) {
    // Draw a little more than needed: with 62 symbols 3% of bytes are rejected.
    const bytes = randomBytes(length - out.length + 8);
    for (let i = 0; i < bytes.length && out.length < length; i++) {
      const byte = bytes[i] as number;
      if (byte < limit) out += alphabet[byte % size];
    }
  }
  return out;
}
