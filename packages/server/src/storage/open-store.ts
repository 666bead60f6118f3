/**
 * Opening the store a database URL names, migrated and ready.
 * @module
 */
import { isPostgresUrl, sqlitePathOf } from './database-url.js';
import type { Store } from './store.js';

/** Settings of a store that the URL does not carry. */
export interface OpenStoreOptions {
  /** PostgreSQL: connections this process keeps at most (POOL_SIZE by default). */
  poolSize?: number;
  /** PostgreSQL: statement and idle-in-transaction timeout (STATEMENT_TIMEOUT_MS by default). */
  statementTimeoutMs?: number | undefined;
  /** PostgreSQL: how long the client waits for an answer (statement timeout plus a margin). */
  queryTimeoutMs?: number | undefined;
}

/**
 * Opens and migrates the store at `databaseUrl`. PostgreSQL: `postgres://user:pass@host:port/db`
 * (or `postgresql://`, with pg's connection string options). SQLite forms:
 * `sqlite:data/mailpat.db` (relative to the working directory), `sqlite:/abs/path`,
 * `sqlite:///abs/path`, `file:///abs/path`, or a plain path.
 */
export async function openStore(
  databaseUrl: string,
  options: OpenStoreOptions = {},
): Promise<Store> {
  // Only the backend the URL names is loaded: pg alone keeps about 14 MiB resident on SQLite.
  const store = isPostgresUrl(databaseUrl)
    ? (await import('./postgres/postgres-store.js')).openPostgresStore(databaseUrl, options)
    : (await import('./sqlite/sqlite-store.js')).openSqliteStore(sqlitePathOf(databaseUrl));
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
