/**
 * Tuning constants of the PostgreSQL backend.
 * @module
 */

/**
 * Connections per instance by default (MAILPAT_DATABASE_POOL_SIZE sets another); several
 * instances share the server's max_connections.
 */
export const POOL_SIZE = 10;
/** How long a request waits for a connection before failing as unavailable (fail fast). */
export const CONNECT_TIMEOUT_MS = 5_000;
/**
 * statement_timeout and idle_in_transaction_session_timeout of every connection by default
 * (MAILPAT_DATABASE_STATEMENT_TIMEOUT_MS sets another): mailpat's statements take milliseconds,
 * so one that runs this long waits on a lock (a backup, a stuck session) and fails as
 * unavailable instead of holding its connection. Migrations and the lock between starting
 * instances are bounded by it too.
 */
export const STATEMENT_TIMEOUT_MS = 10_000;
/**
 * The client gives up on an answer this long after the statement timeout (unless
 * MAILPAT_DATABASE_QUERY_TIMEOUT_MS says): the server cancels a slow statement itself, so only
 * a server that stops answering (hung, partitioned) reaches it.
 */
export const QUERY_TIMEOUT_MARGIN_MS = 5_000;
/** TCP keepalive probes start after a connection has been silent this long. */
export const KEEPALIVE_INITIAL_DELAY_MS = 10_000;
/** Idle connections are closed after this long. */
export const IDLE_TIMEOUT_MS = 30_000;

/**
 * Advisory lock keys, in one place so they never collide: 'mailpa' in ASCII, then a role.
 * Kept below 2^53 so they travel as plain numbers.
 */
export const MIGRATION_LOCK_KEY = 0x6d61696c7061 * 16 + 1;
/** Held by a transaction that appends token events until it commits (see beforeAppendingEvents). */
export const EVENT_APPEND_LOCK_KEY = 0x6d61696c7061 * 16 + 2;
/** Held by a transaction that stamps a user's creation time until it commits. */
export const USER_CREATION_LOCK_KEY = 0x6d61696c7061 * 16 + 3;
/** Held by a transaction that stamps an organization's creation time until it commits. */
export const ORGANIZATION_CREATION_LOCK_KEY = 0x6d61696c7061 * 16 + 4;

/** Rows per INSERT in seed (one JSON parameter of about 500 KB). */
export const SEED_ROWS_PER_STATEMENT = 1_000;
