import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUSY_TIMEOUT_MS } from './constants.js';
import { openSqliteDatabase } from './open-sqlite-database.js';

const root = mkdtempSync(join(tmpdir(), 'mailpat-open-sqlite-'));

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('openSqliteDatabase', () => {
  it('should create the missing parent folders and the file', () => {
    const path = join(root, 'a', 'b', 'mailpat.db');
    const db = openSqliteDatabase(path);
    db.close();
    expect(existsSync(path)).toBe(true);
  });

  it('should create the file 0600, its -wal and -shm 0600 and a new folder 0700, whatever the umask', () => {
    const path = join(root, 'private', 'mailpat.db');
    const previous = process.umask(0);
    let db;
    try {
      db = openSqliteDatabase(path);
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    } finally {
      process.umask(previous);
    }
    const modeOf = (file: string) => statSync(file).mode & 0o777;
    expect(modeOf(join(root, 'private'))).toBe(0o700);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect([file, modeOf(file)]).toEqual([file, 0o600]);
    }
    db.close();
  });

  it('should set WAL, full sync, the busy timeout and foreign keys', () => {
    const db = openSqliteDatabase(join(root, 'pragmas.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
