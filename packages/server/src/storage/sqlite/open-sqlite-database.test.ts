import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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

  it('should set WAL, full sync, the busy timeout and foreign keys', () => {
    const db = openSqliteDatabase(join(root, 'pragmas.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
