/**
 * What the `mailpat` binary loads: the aws-compatible CLI starts without the server's storage.
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const MAILPAT_BIN = fileURLToPath(new URL('../../bin/mailpat.js', import.meta.url));
const REFUSE_STORAGE = fileURLToPath(new URL('./test-support/refuse-storage.mjs', import.meta.url));

/** Runs the bin with better-sqlite3, pg and Kysely made unloadable. */
function runWithoutStorage(args: string[]) {
  return promisify(execFile)(process.execPath, ['--import', REFUSE_STORAGE, MAILPAT_BIN, ...args]);
}

describe('the mailpat binary', () => {
  it('runs `workmail --help` without loading better-sqlite3, pg or Kysely', async () => {
    const { stdout } = await runWithoutStorage(['workmail', '--help']);
    expect(stdout).toMatch(/^Usage: mailpat workmail/);
  });

  it('runs `completion bash` without them, serve and seed options included', async () => {
    const { stdout } = await runWithoutStorage(['completion', 'bash']);
    expect(stdout).toContain('--tls-cert');
    expect(stdout).toContain('--tokens');
  });

  it('cannot seed without them (the refusal works)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mailpat-startup-'));
    const seeding = runWithoutStorage(['seed', '--tokens', '1', '--data-dir', dataDir]);
    await expect(seeding).rejects.toMatchObject({
      stderr: expect.stringMatching(/refused to load/),
    });
  });
});
