import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../storage/open-store.js';
import { run } from './run.js';
import { captureIo } from './test-support/capture-io.js';

/** A migrated, empty SQLite database. */
async function sqliteDatabase(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'mailpat-migrate-cli-')), 'mailpat.db');
  await (await openStore(`sqlite:${path}`)).close();
  return path;
}

/** Runs `mailpat migrate ...args`; the exit code and stderr. */
async function migrate(...args: string[]): Promise<{ code: number; err: string; out: string }> {
  const io = captureIo();
  const code = await run(['migrate', ...args], io);
  return { code, err: io.err(), out: io.out() };
}

const PASSWORD = 'S3cret-Passw0rd';
/** Nothing listens on port 1 of the loopback: the connection is refused at once. */
const UNREACHABLE = `postgres://mailpat:${PASSWORD}@127.0.0.1:1/mailpat`;

describe('mailpat migrate, bad input', () => {
  it('refuses a --from that is not sqlite:', async () => {
    const result = await migrate('--from', '/var/lib/mailpat/mailpat.db', '--to', UNREACHABLE);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/--from must be sqlite:PATH/);
  });

  it('refuses a --to that is not PostgreSQL', async () => {
    const path = await sqliteDatabase();
    const result = await migrate('--from', `sqlite:${path}`, '--to', `sqlite:${path}.new`);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/--to must be a postgres:\/\/user:password@host:port\/database URL/);
  });

  it('refuses the same database twice', async () => {
    const result = await migrate('--from', UNREACHABLE, '--to', UNREACHABLE);
    expect(result.code).toBe(1);
    expect(result.err).toContain('--from and --to name the same database');
    expect(result.err).not.toContain(PASSWORD);
  });

  it('refuses a missing SQLite file before connecting anywhere', async () => {
    const missing = join(tmpdir(), 'mailpat-no-such-dir', 'mailpat.db');
    const result = await migrate('--from', `sqlite:${missing}`, '--to', UNREACHABLE);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`mailpat: no SQLite database at ${missing}\n`);
  });

  it('says an unreachable PostgreSQL cannot be reached, without the password or a stack', async () => {
    const path = await sqliteDatabase();
    const result = await migrate('--from', `sqlite:${path}`, '--to', UNREACHABLE);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'mailpat: cannot connect to PostgreSQL at postgres://mailpat:***@127.0.0.1:1/mailpat: ' +
        'connect ECONNREFUSED 127.0.0.1:1\n',
    );
    expect(result.out).toBe('');
  });

  it('is a usage error without --from or --to', async () => {
    expect((await migrate('--to', UNREACHABLE)).code).toBe(2);
    expect((await migrate('--from', 'sqlite:x.db')).code).toBe(2);
  });
});
