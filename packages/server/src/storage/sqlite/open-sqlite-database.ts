/**
 * Opening the SQLite file with the settings mailpat relies on.
 * @module
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { OWNER_ONLY_DIRECTORY_MODE } from '../../file-modes/constants.js';
import { createOwnerOnlyFile } from '../../file-modes/create-owner-only-file.js';
import { BUSY_TIMEOUT_MS } from './constants.js';
import { translateSqliteError } from './sqlite-errors.js';

/**
 * Opens (creating it and its folder if needed) a SQLite database file, ready for use. A new file
 * and folder are its owner's alone (0600, 0700), whatever the umask; SQLite then gives `-wal`
 * and `-shm` the database file's mode.
 */
export function openSqliteDatabase(path: string): BetterSqlite3.Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: OWNER_ONLY_DIRECTORY_MODE });
    createUnlessExists(path);
  }
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

/** Creates the database file 0600 unless it exists: SQLite itself would create it 0644 & ~umask. */
function createUnlessExists(path: string): void {
  try {
    createOwnerOnlyFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
