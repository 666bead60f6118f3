/**
 * What a database URL names: PostgreSQL or a SQLite file. Pure parsing, apart from opening, so
 * the command line can check a URL without loading a database driver.
 * @module
 */
import { fileURLToPath } from 'node:url';
import { maskDatabaseUrl } from './mask-database-password.js';

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
      `unsupported database URL ${JSON.stringify(maskDatabaseUrl(databaseUrl))}: ` +
        'use sqlite:PATH or postgres://user:password@host:port/database',
    );
  }
  if (path === '') throw new Error(`database URL ${JSON.stringify(databaseUrl)} has no path`);
  return path;
}
