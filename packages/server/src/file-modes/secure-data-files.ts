/**
 * Tightens, at start, what an earlier run or an operator left readable by others: the data
 * directory, the SQLite database with its `-wal` and `-shm`, and the generated `credentials`.
 * They hold the root secret and the NextToken HMAC key.
 * @module
 */
import { join } from 'node:path';
import { CREDENTIALS_FILE_NAME } from '../auth/constants.js';
import { isPostgresUrl, sqlitePathOf } from '../storage/database-url.js';
import { SQLITE_SIDE_FILE_SUFFIXES } from '../storage/sqlite/constants.js';
import { OWNER_ONLY_DIRECTORY_MODE, OWNER_ONLY_FILE_MODE, STICKY_BIT } from './constants.js';
import { formatMode, modeOf, tightenMode } from './tighten-mode.js';

/** Where the files of one `serve` or `seed` are. */
export interface DataFiles {
  dataDir: string;
  databaseUrl: string;
  /** Receives one line per change: path, old and new mode. */
  log: (message: string) => void;
}

/**
 * Narrows every one of those that exists to 0700 (directory) or 0600 (files). What does not exist
 * yet is created with those modes by whoever creates it (openSqliteDatabase, the credentials
 * writer), and SQLite gives `-wal` and `-shm` the database file's mode.
 */
export function secureDataFiles({ dataDir, databaseUrl, log }: DataFiles): void {
  secureDirectory(dataDir, log);
  const files = [join(dataDir, CREDENTIALS_FILE_NAME)];
  if (!isPostgresUrl(databaseUrl)) {
    const path = sqlitePathOf(databaseUrl);
    if (path !== ':memory:') files.push(path, ...SQLITE_SIDE_FILE_SUFFIXES.map((s) => path + s));
  }
  for (const file of files) tightenMode(file, OWNER_ONLY_FILE_MODE, log);
}

/** A shared sticky directory (`--data-dir /tmp`) is named, never locked down for everyone. */
function secureDirectory(dataDir: string, log: (message: string) => void): void {
  const mode = modeOf(dataDir);
  if (mode !== undefined && (mode & STICKY_BIT) !== 0) {
    log(
      `not tightening the shared directory ${dataDir} (mode ${formatMode(mode)}); ` +
        'give mailpat a data directory of its own',
    );
    return;
  }
  tightenMode(dataDir, OWNER_ONLY_DIRECTORY_MODE, log);
}
