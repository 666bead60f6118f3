/**
 * SHA-256 in hex, the one hash SigV4 verification computes per request (body, canonical request).
 * @module
 */
import * as crypto from 'node:crypto';

/** One-shot `crypto.hash` (Node >= 20.12) skips building a Hash object; older Node 20 has none. */
export const sha256Hex: (data: string | Buffer) => string =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', data, 'hex')
    : (data) => crypto.createHash('sha256').update(data).digest('hex');
