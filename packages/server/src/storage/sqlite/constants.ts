/**
 * Tuning constants of the SQLite backend.
 * @module
 */

/** How long a write waits for another process's lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

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
