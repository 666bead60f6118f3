/**
 * Secrets at rest: the data directory is 0700 and the database (with -wal and -shm) and the
 * generated credentials are 0600, whatever the umask; looser leftovers are tightened at start,
 * by `serve` and by `seed`, with one log line each.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { WM } from '../support/fixtures.js';
import { MAILPAT_BIN, makeDataDir, startMailpat } from '../support/mailpat-process.js';
import { call } from '../support/signed-request.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const databaseFiles = (dataDir: string) =>
  ['mailpat.db', 'mailpat.db-wal', 'mailpat.db-shm'].map((name) => join(dataDir, name));

/** `mailpat seed` under umask 000, as a user would run it. */
async function seedUnderUmask000(dataDir: string, alias: string) {
  const script = 'umask 000 && exec "$0" "$@"';
  const args = [process.execPath, MAILPAT_BIN, 'seed', '--data-dir', dataDir];
  return promisify(execFile)('/bin/sh', ['-c', script, ...args, '--tokens', '3', '--alias', alias]);
}

describe('file modes of the data directory', () => {
  it('serve creates the directory 0700, the database, -wal, -shm and credentials 0600 under umask 000', async () => {
    const dataDir = join(makeDataDir(), 'data');
    const server = await startMailpat({ dataDir, credentials: null, umask: 0 });
    try {
      await call(server, WM('CreateOrganization'), { Alias: `modes-${Date.now().toString(36)}` });
      expect(modeOf(dataDir)).toBe(0o700);
      for (const file of [...databaseFiles(dataDir), join(dataDir, 'credentials')]) {
        expect([file, modeOf(file)]).toEqual([file, 0o600]);
      }
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('serve tightens a directory and files left readable by others, logging each change', async () => {
    const dataDir = makeDataDir();
    const crashed = await startMailpat({ dataDir, credentials: null });
    await call(crashed, WM('CreateOrganization'), { Alias: `crash-${Date.now().toString(36)}` });
    // Killed, not stopped: SQLite leaves -wal and -shm behind, as after a crash.
    crashed.child.kill('SIGKILL');
    await once(crashed.child, 'close');
    const files = [...databaseFiles(dataDir), join(dataDir, 'credentials')];
    chmodSync(dataDir, 0o755);
    for (const file of files) chmodSync(file, 0o644);

    const server = await startMailpat({ dataDir, credentials: null });
    try {
      const log = server.output().stdout;
      expect(log).toContain(`tightened the mode of ${dataDir} from 0755 to 0700`);
      expect(modeOf(dataDir)).toBe(0o700);
      for (const file of files) {
        expect(log).toContain(`tightened the mode of ${file} from 0644 to 0600`);
        expect([file, modeOf(file)]).toEqual([file, 0o600]);
      }
      expect(log).not.toContain(server.secretAccessKey);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('seed creates its database 0600 in a 0700 directory under umask 000, and tightens an existing one', async () => {
    const dataDir = join(makeDataDir(), 'seeded');
    await seedUnderUmask000(dataDir, `seed-a-${Date.now().toString(36)}`);
    expect(modeOf(dataDir)).toBe(0o700);
    const present = databaseFiles(dataDir).filter((file) => existsSync(file));
    expect(present).toContain(join(dataDir, 'mailpat.db'));
    for (const file of present) expect([file, modeOf(file)]).toEqual([file, 0o600]);

    chmodSync(dataDir, 0o750);
    chmodSync(join(dataDir, 'mailpat.db'), 0o640);
    const again = await seedUnderUmask000(dataDir, `seed-b-${Date.now().toString(36)}`);
    expect(again.stderr).toContain(`tightened the mode of ${dataDir} from 0750 to 0700`);
    expect(again.stderr).toContain(
      `tightened the mode of ${join(dataDir, 'mailpat.db')} from 0640 to 0600`,
    );
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, 'mailpat.db'))).toBe(0o600);
    expect(JSON.parse(again.stdout.trim().split('\n').at(-1)!)).toMatchObject({ Tokens: 3 });
  });
});
