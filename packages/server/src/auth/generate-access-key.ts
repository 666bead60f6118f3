/**
 * Generates AWS-shaped access keys from the operating system's CSPRNG.
 * @module
 */
import { randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An access key ID (`AKIA` + 16 of [A-Z2-7]) and a 40-character base64 secret (240 bits). */
export function generateAccessKey(): { accessKeyId: string; secretAccessKey: string } {
  // 256 is a multiple of 32, so `byte & 31` picks every letter with the same probability.
  const suffix = Array.from(randomBytes(16), (byte) => BASE32[byte & 31]).join('');
  return {
    accessKeyId: `AKIA${suffix}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  };
}
