/**
 * Reads the one introspection client from MAILPAT_INTROSPECTION_CLIENT_ID and _SECRET.
 * @module
 */
import type { IntrospectionClient } from '../introspection/client-credentials.js';
import {
  INTROSPECTION_CLIENT_ID_ENV,
  INTROSPECTION_CLIENT_SECRET_ENV,
  MIN_SECRET_LENGTH,
} from './constants.js';

/**
 * From MAILPAT_INTROSPECTION_CLIENT_ID / _SECRET; undefined (endpoint answers 401) when unset.
 * An id with `:` is refused at start: Basic cannot carry it (RFC 7617 §2), and Dovecot's auth
 * process crashes on one. So is a secret shorter than MIN_SECRET_LENGTH, even without an id.
 */
export function loadIntrospectionClient(env: NodeJS.ProcessEnv): IntrospectionClient | undefined {
  const id = env[INTROSPECTION_CLIENT_ID_ENV];
  const secret = env[INTROSPECTION_CLIENT_SECRET_ENV];
  if (id?.includes(':')) {
    throw new Error(
      `${INTROSPECTION_CLIENT_ID_ENV} must not contain ":" (HTTP Basic cannot carry it)`,
    );
  }
  if (secret && secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `${INTROSPECTION_CLIENT_SECRET_ENV} must be at least ${MIN_SECRET_LENGTH} characters long.`,
    );
  }
  return id && secret ? { id, secret } : undefined;
}
