/** @module Fixed values of the RFC 7662 introspection endpoint. */

/** Environment variables naming the one introspection client (e.g. Dovecot). */
export const INTROSPECTION_CLIENT_ID_ENV = 'MAILPAT_INTROSPECTION_CLIENT_ID';
export const INTROSPECTION_CLIENT_SECRET_ENV = 'MAILPAT_INTROSPECTION_CLIENT_SECRET';
/** Where Dovecot's `introspection_url` points. */
export const INTROSPECTION_PATH = '/oauth2/introspect';
/** A form with one token and two client fields; anything larger is not an introspection. */
export const INTROSPECTION_BODY_LIMIT = 8 * 1024;

/** Failed introspections one client address may make in a burst, then per second. */
export const FAILURES_PER_ADDRESS = { capacity: 20, refillPerSecond: 1 } as const;
/**
 * Failed introspections one introspection client (e.g. one Dovecot) may make in a burst, then per
 * second: higher, since it speaks for many users.
 */
export const FAILURES_PER_CLIENT = { capacity: 200, refillPerSecond: 20 } as const;
/** Buckets kept at most; full (idle) buckets are dropped first. */
export const MAX_TRACKED_BUCKETS = 100_000;

/** How often coalesced uses and events are written, unless MAILPAT_LAST_USED_FLUSH_MS says. */
export const DEFAULT_FLUSH_INTERVAL_MS = 10_000;
