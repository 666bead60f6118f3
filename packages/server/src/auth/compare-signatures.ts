/**
 * Compares two hex signatures in constant time.
 * @module
 */
import { timingSafeEqual } from 'node:crypto';

/** True when both are the same string; time depends only on the (fixed, 64) length. */
export function compareSignatures(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'latin1');
  const b = Buffer.from(provided, 'latin1');
  return a.length === b.length && timingSafeEqual(a, b);
}
