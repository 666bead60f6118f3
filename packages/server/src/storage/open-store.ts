/**
 * Opening the store a database URL names, migrated and ready.
 * @module
 */
import { fileURLToPath } from 'node:url';
import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** Settings of a store that the URL does not carry. */
export interface OpenStoreOptions {
  /** PostgreSQL: connections this process keeps at most (POOL_SIZE by default). */
  poolSize?: number;
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
  const store = isPostgresUrl(databaseUrl)
    ? openPostgresStore(databaseUrl, options.poolSize)
    : openSqliteStore(sqlitePathOf(databaseUrl));
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** True for the `postgres://` and `postgresql://` URLs of the PostgreSQL backend. */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//i.test(databaseUrl);
}

/** The SQLite file path a database URL names; any other scheme is an error. */
export function sqlitePathOf(databaseUrl: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(databaseUrl)?.[1]?.toLowerCase();
  let path: string;
  if (scheme === undefined) {
    path = databaseUrl;
  } else if (scheme === 'sqlite') {
    const rest = databaseUrl.slice('sqlite:'.length);
    // sqlite:///abs/path has an empty authority, like file:///abs/path.
    path = rest.startsWith('//') ? rest.slice(2) : rest;
  } else if (scheme === 'file') {
    path = databaseUrl.startsWith('file://')
      ? fileURLToPath(databaseUrl)
      : databaseUrl.slice('file:'.length);
  } else {
    throw new Error(
      `unsupported database URL ${JSON.stringify(redact(databaseUrl))}: ` +
        'use sqlite:PATH or postgres://user:password@host:port/database',
    );
  }
  if (path === '') throw new Error(`database URL ${JSON.stringify(databaseUrl)} has no path`);
  return path;
}

// A postgres://user:password@host URL must not put its password into logs.
function redact(databaseUrl: string): string {
  return databaseUrl.replace(/\/\/([^/@]*)@/, '//***@');
}
