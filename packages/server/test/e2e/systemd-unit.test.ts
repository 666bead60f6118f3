/**
 * packaging/systemd/mailpat.service: systemd accepts it, and its ExecStart, run the way the unit
 * runs it (umask 0077, the state directory as the data directory, SIGTERM to stop), serves and
 * stops cleanly.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '../support/dovecot.js';
import { MAILPAT_BIN, makeDataDir, spawnWithUmask } from '../support/mailpat-process.js';

const UNIT = join(import.meta.dirname, '../../../../packaging/systemd/mailpat.service');
const INSTALLED_BIN = '/usr/local/bin/mailpat';
const analyzable = spawnSync('systemd-analyze', ['--version']).status === 0;

/** The unit's settings as written, one `Key=value` per line. */
function unitSetting(unit: string, key: string): string[] {
  return unit
    .split('\n')
    .filter((line) => line.startsWith(`${key}=`))
    .map((line) => line.slice(key.length + 1));
}

describe('the systemd unit', () => {
  const unit = readFileSync(UNIT, 'utf8');

  it.skipIf(!analyzable)('passes systemd-analyze verify without a warning', () => {
    // verify checks that ExecStart's program exists: point it at this checkout's bin.
    const copy = join(makeDataDir(), 'mailpat.service');
    writeFileSync(copy, unit.replaceAll(INSTALLED_BIN, MAILPAT_BIN));
    const verified = spawnSync('systemd-analyze', ['verify', '--man=no', copy], {
      encoding: 'utf8',
    });
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stderr.trim()).toBe('');
  });

  it('keeps the hardening the docs promise', () => {
    for (const [key, value] of [
      ['DynamicUser', 'yes'],
      ['StateDirectory', 'mailpat'],
      ['ProtectSystem', 'strict'],
      ['NoNewPrivileges', 'yes'],
      ['UMask', '0077'],
      ['KillSignal', 'SIGTERM'],
    ]) {
      expect(unitSetting(unit, key!), key).toEqual([value]);
    }
  });

  it('serves with its ExecStart as the unit runs it, and stops on SIGTERM with 0', async () => {
    const [execStart] = unitSetting(unit, 'ExecStart');
    const stateDirectory = makeDataDir();
    const port = await findFreePort();
    const [program, ...args] = execStart!
      .replaceAll('${STATE_DIRECTORY}', stateDirectory)
      .replace('--port 8080', `--port ${port}`)
      .split(' ');
    expect(program).toBe(INSTALLED_BIN);
    const child = spawnWithUmask(process.execPath, [MAILPAT_BIN, ...args], 0o077, {
      env: { PATH: process.env.PATH, STATE_DIRECTORY: stateDirectory },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    try {
      const ready = async () =>
        (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status;
      await expect.poll(ready, { timeout: 20_000 }).toBe(200);
      expect(statSync(join(stateDirectory, 'mailpat.db')).mode & 0o777).toBe(0o600);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, output).toBe(0);
  });
});
