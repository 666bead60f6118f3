/**
 * Compares secrets (CSRF tokens, cookie values) without leaking through timing where they differ.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** True when both strings are equal; hashing first makes the time independent of the lengths. */
export function safeEqual(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b)) && a.length === b.length;
}
