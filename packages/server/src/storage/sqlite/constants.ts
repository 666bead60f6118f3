/**
 * Tuning constants of the SQLite backend.
 * @module
 */

/**
 * SQLite's own wait for another process's lock (busy_timeout): zero, because better-sqlite3
 * waits synchronously and would stop the event loop, /healthz included. Operations wait
 * asynchronously instead (retry-while-busy.ts).
 */
export const BUSY_TIMEOUT_MS = 0;

/**
 * How long an operation keeps trying while another process holds the write lock before it
 * fails with a 503: long enough to ride out another instance's or a backup's short writes.
 */
export const BUSY_RETRY_DEADLINE_MS = 1_000;

/** The first pause before trying again; it doubles up to BUSY_RETRY_MAX_DELAY_MS. */
export const BUSY_RETRY_FIRST_DELAY_MS = 2;

/** The longest pause between two attempts. */
export const BUSY_RETRY_MAX_DELAY_MS = 50;

/**
 * The busy_timeout while migrating or seeding: these run before the server serves or in the
 * CLI, where blocking is harmless and waiting out another writer beats failing.
 */
export const BLOCKING_BUSY_TIMEOUT_MS = 5_000;

/** Prepared statements kept per connection; the app issues a few dozen distinct SQL texts. */
export const STATEMENT_CACHE_SIZE = 256;

/** Tokens written per transaction by seed: large enough to amortise the commit's fsync. */
export const SEED_BATCH_SIZE = 50_000;

/** Page cache during seed (KiB): keeps the randomly ordered unique indexes in memory. */
export const SEED_CACHE_SIZE_KIB = 256 * 1024;

/** Rows per multi-row INSERT in seed (10 parameters each, far below SQLite's 32766 limit). */
export const SEED_ROWS_PER_STATEMENT = 50;

/** The files SQLite keeps beside the database in WAL mode; they hold its recent pages. */
export const SQLITE_SIDE_FILE_SUFFIXES = ['-wal', '-shm'] as const;
