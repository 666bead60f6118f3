/**
 * Tuning constants of `mailpat migrate`.
 * @module
 */

/**
 * Rows per INSERT (one JSON parameter of about 500 KB for tokens), as seed uses: large enough
 * that a million tokens are a thousand statements, small enough that memory stays bounded.
 */
export const ROWS_PER_INSERT = 1_000;

/** Rows per FETCH when the copy is read back from PostgreSQL to be verified. */
export const ROWS_PER_FETCH = 5_000;

/** How long connecting to PostgreSQL may take before migrate gives up with a clear error. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** Tables of Kysely's migrator: the target's own bookkeeping, never copied or checked. */
export const MIGRATION_TABLES: ReadonlySet<string> = new Set([
  'kysely_migration',
  'kysely_migration_lock',
]);
