/**
 * Fixed values of the token event history's upkeep.
 * @module
 */

/** How often expired events are deleted (also once at start). */
export const EVENT_PRUNE_INTERVAL_MS = 60 * 60_000;
/**
 * Events deleted per statement: each batch is its own short transaction, so a backlog of
 * millions never holds SQLite's one write lock (or PostgreSQL row locks) for long.
 */
export const EVENT_PRUNE_BATCH_SIZE = 1_000;
