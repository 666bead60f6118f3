/**
 * Fixed values of the RFC 7662 introspection endpoint.
 * @module
 */

/** Where Dovecot's `introspection_url` points. */
export const INTROSPECTION_PATH = '/oauth2/introspect';
/** A form with one token and two client fields; anything larger is not an introspection. */
export const INTROSPECTION_BODY_LIMIT = 8 * 1024;

/**
 * Failed client authentications (wrong or missing introspection client secret) one source
 * address may make in a burst, then per second. Presented tokens never take from it: in
 * production every introspection comes from Dovecot's one address.
 */
export const CLIENT_AUTH_FAILURES_PER_ADDRESS = { capacity: 20, refillPerSecond: 1 } as const;
/** Source addresses tracked at most; the least recently seen are forgotten first. */
export const MAX_TRACKED_BUCKETS = 100_000;

/**
 * Failed logins one end user's address (Dovecot's X-Dovecot-Auth-Remote) may make in a window
 * before a warning names it; the answers stay `active:false` (a 429 would make Dovecot report a
 * temporary failure, and a phone with an expired token would retry forever).
 */
export const END_USER_FAILURES = { threshold: 10, windowMs: 60_000 } as const;
/** End-user addresses counted at most; the oldest windows are forgotten first. */
export const MAX_TRACKED_END_USERS = 100_000;

/**
 * Secret hashes of recently refused tokens kept in memory at most (about 150 bytes each). A
 * repeated bad token is answered from here without a database read.
 */
export const MAX_REMEMBERED_REFUSALS = 50_000;
/** How long a hash no token has is remembered: creating a token cannot make it good. */
export const UNKNOWN_TOKEN_TTL_MS = 5 * 60_000;
/**
 * How long a known but refused token (expired, user disabled, policy INACTIVE) is remembered:
 * short, since re-enabling the user or the policy must let it log in again within seconds.
 */
export const REFUSED_TOKEN_TTL_MS = 3_000;

/**
 * Distinct (event type, token, address) pairs coalesced in one flush interval at most; further
 * ones are dropped and counted in the log, so no flood can grow memory without bound.
 */
export const MAX_COALESCED_EVENTS = 50_000;
/** Events kept at most while the database is away; the oldest are dropped past this. */
export const MAX_BUFFERED_EVENTS = 100_000;
