/** @module Opening the SQLite file with the settings mailpat relies on. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './constants.js';
import { translateSqliteError } from './sqlite-errors.js';

/** Opens (creating it and its folder if needed) a SQLite database file, ready for use. */
export function openSqliteDatabase(path: string): BetterSqlite3.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(path);
    // WAL: readers never block the writer, and a commit is one sequential append.
    db.pragma('journal_mode = WAL');
    // FULL syncs the WAL on every commit: an acknowledged token survives a power loss.
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db?.close();
    throw translateSqliteError(error);
  }
}
