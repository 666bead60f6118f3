import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { secureDataFiles } from './secure-data-files.js';

const modeOf = (path: string) => statSync(path).mode & 0o7777;

describe('secureDataFiles', () => {
  let dataDir: string;
  let logged: string[];
  const log = (message: string) => void logged.push(message);

  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'mailpat-modes-')), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    logged = [];
  });

  function place(name: string, mode: number): string {
    const path = join(dataDir, name);
    writeFileSync(path, 'x');
    chmodSync(path, mode);
    return path;
  }

  it('tightens the directory to 0700 and the database, -wal, -shm and credentials to 0600', () => {
    const files = ['credentials', 'mailpat.db', 'mailpat.db-wal', 'mailpat.db-shm'].map((name) =>
      place(name, 0o644),
    );
    secureDataFiles({ dataDir, databaseUrl: `sqlite:${join(dataDir, 'mailpat.db')}`, log });
    expect(modeOf(dataDir)).toBe(0o700);
    for (const file of files) expect([file, modeOf(file)]).toEqual([file, 0o600]);
    expect(logged).toEqual([
      `tightened the mode of ${dataDir} from 0755 to 0700`,
      ...files.map((file) => `tightened the mode of ${file} from 0644 to 0600`),
    ]);
  });

  it('leaves stricter modes, absent files and a PostgreSQL database alone, logging nothing', () => {
    chmodSync(dataDir, 0o700);
    const credentials = place('credentials', 0o400);
    const unrelated = place('mailpat.db', 0o644);
    secureDataFiles({ dataDir, databaseUrl: 'postgres://u:p@localhost/db', log });
    expect(modeOf(credentials)).toBe(0o400);
    expect(modeOf(unrelated)).toBe(0o644);
    expect(logged).toEqual([]);
  });

  it('tightens a database outside the data directory, by its URL', () => {
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'mailpat-modes-db-')), 'other.db');
    writeFileSync(elsewhere, '');
    chmodSync(elsewhere, 0o664);
    secureDataFiles({ dataDir, databaseUrl: `sqlite:${elsewhere}`, log });
    expect(modeOf(elsewhere)).toBe(0o600);
  });

  it('never locks down a shared sticky directory such as /tmp, and says so', () => {
    chmodSync(dataDir, 0o1777);
    secureDataFiles({ dataDir, databaseUrl: 'postgres://u:p@localhost/db', log });
    expect(modeOf(dataDir)).toBe(0o1777);
    expect(logged).toEqual([
      `not tightening the shared directory ${dataDir} (mode 01777); ` +
        'give mailpat a data directory of its own',
    ]);
  });
});
