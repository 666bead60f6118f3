/**
 * The random values of the web app: cookie secrets and CSRF tokens, and how a session secret
 * is kept (its SHA-256 only, so a database dump holds no usable session).
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { SECRET_BYTES } from '../constants.js';

/** 32 random bytes, base64url: a session secret, a CSRF token or a sign-in cookie value. */
export function generateWebSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/** The stored form of a session secret: lowercase hex SHA-256. */
export function hashSessionSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** True for what generateWebSecret makes; anything else is not worth a database read. */
export function isWebSecret(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
}
