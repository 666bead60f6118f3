/**
 * Online backup and offline restore of a SQLite database file.
 * @module
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { OWNER_ONLY_DIRECTORY_MODE } from '../../file-modes/constants.js';
import { createOwnerOnlyFile } from '../../file-modes/create-owner-only-file.js';
import { BUSY_TIMEOUT_MS } from './constants.js';

/** A backup or restore refused before it wrote anything; the message says why. */
export class BackupRefusedError extends Error {
  override readonly name = 'BackupRefusedError';
}

/**
 * Copies the database at `source` to the new file `target` while servers keep using it, with
 * SQLite's online backup API: the copy is one consistent state (the API starts over when another
 * connection writes mid-copy). The copy holds root credentials and token hashes, so it is the
 * owner's alone (0600) from its first byte, and it appears under its name only once complete and
 * checked: a crash leaves no half-written backup behind the name.
 */
export async function backupSqlite(source: string, target: string): Promise<{ bytes: number }> {
  if (!existsSync(source)) throw new BackupRefusedError(`no database at ${source}`);
  if (existsSync(target)) throw new BackupRefusedError(`${target} exists already`);
  const partial = partialFileFor(target);
  try {
    const database = new BetterSqlite3(source, { fileMustExist: true });
    try {
      database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      await database.backup(partial);
    } finally {
      database.close();
    }
    const bytes = checkDatabase(partial);
    syncFile(partial);
    // link, not rename: it fails instead of replacing a file that appeared meanwhile.
    linkSync(partial, target);
    return { bytes };
  } finally {
    unlinkSync(partial);
  }
}

/**
 * Puts the backup `backup` in place as the database at `target`, which must not exist: a
 * restore never overwrites a database (stop the server and move the old file away first).
 */
export function restoreSqlite(backup: string, target: string): { bytes: number } {
  if (!existsSync(backup)) throw new BackupRefusedError(`no backup at ${backup}`);
  for (const path of [target, `${target}-wal`, `${target}-shm`]) {
    if (existsSync(path)) {
      throw new BackupRefusedError(
        `${path} exists: stop mailpat and move the old database away before restoring`,
      );
    }
  }
  const bytes = checkDatabase(backup);
  mkdirSync(dirname(target), { recursive: true, mode: OWNER_ONLY_DIRECTORY_MODE });
  const partial = partialFileFor(target);
  try {
    const database = new BetterSqlite3(backup, { readonly: true, fileMustExist: true });
    try {
      // A whole-file copy through SQLite: the restored file is a database, never torn.
      database.prepare('vacuum into ?').run(partial);
    } finally {
      database.close();
    }
    syncFile(partial);
    linkSync(partial, target);
    return { bytes };
  } finally {
    unlinkSync(partial);
  }
}

/** The file's size once SQLite finds it intact and written by mailpat (it has the migrations). */
function checkDatabase(path: string): number {
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupRefusedError(`${path} is not a SQLite database: ${(error as Error).message}`);
  }
  try {
    const integrity = tryPragma(database, 'integrity_check');
    if (integrity !== 'ok') throw new BackupRefusedError(`${path} is damaged: ${integrity}`);
    const migrated = database
      .prepare("select count(*) from sqlite_master where type = 'table' and name = ?")
      .pluck()
      .get('kysely_migration') as number;
    if (migrated === 0) throw new BackupRefusedError(`${path} is not a mailpat database`);
    const pages = database.pragma('page_count', { simple: true }) as number;
    const pageSize = database.pragma('page_size', { simple: true }) as number;
    return pages * pageSize;
  } finally {
    database.close();
  }
}

function tryPragma(database: BetterSqlite3.Database, pragma: string): unknown {
  try {
    return database.pragma(pragma, { simple: true });
  } catch (error) {
    // SQLite opens any file lazily; the first read tells a database from something else.
    throw new BackupRefusedError(
      `${database.name} is not a SQLite database: ${(error as Error).message}`,
    );
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** An empty 0600 file beside `target` to write into before it is linked under its name. */
function partialFileFor(target: string): string {
  const partial = join(dirname(target), `.${basename(target)}.partial`);
  createOwnerOnlyFile(partial);
  return partial;
}
