/** @module Fixed values of the token event history's upkeep. */

/** The environment variable that sets how long token events are kept, in days. */
export const EVENT_RETENTION_DAYS_ENV = 'MAILPAT_EVENT_RETENTION_DAYS';
/** Days token events are kept unless MAILPAT_EVENT_RETENTION_DAYS says. */
export const DEFAULT_EVENT_RETENTION_DAYS = 90;
/** How often expired events are deleted (also once at start). */
export const EVENT_PRUNE_INTERVAL_MS = 60 * 60_000;
/**
 * Events deleted per statement: each batch is its own short transaction, so a backlog of
 * millions never holds SQLite's one write lock (or PostgreSQL row locks) for long.
 */
export const EVENT_PRUNE_BATCH_SIZE = 1_000;
