/**
 * What the `mailpat` binary loads: the aws-compatible CLI starts without the server's storage,
 * and the server without what its configuration does not use.
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createOrgWithUsers, createToken, WM } from '../../test/support/fixtures.js';
import { startMailpat } from '../../test/support/mailpat-process.js';
import { call } from '../../test/support/signed-request.js';

const MAILPAT_BIN = fileURLToPath(new URL('../../bin/mailpat.js', import.meta.url));
const REFUSE_STORAGE = fileURLToPath(new URL('./test-support/refuse-storage.mjs', import.meta.url));
const REFUSE_MODULES = new URL('./test-support/refuse-modules.mjs', import.meta.url);
/** What a server on SQLite, without a mail relay, single sign-on or a terminal, has no use for. */
const UNUSED_BY_DEFAULT = [
  'pg',
  'nodemailer',
  'openid-client',
  '@mailpat/cli',
  '@mailpat/client',
  'pino-pretty',
  'prom-client',
];
const REFUSED_ENV = { MAILPAT_TEST_REFUSED_MODULES: UNUSED_BY_DEFAULT.join(',') };

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

  it('serves the API and the web app on SQLite without loading pg, nodemailer, openid-client, pino-pretty or the workmail CLI', async () => {
    const server = await startMailpat({ preload: [REFUSE_MODULES], env: REFUSED_ENV });
    try {
      const org = await createOrgWithUsers(server, 1);
      const token = await createToken(server, org.organizationId, org.users[0]!.id);
      const listed = await call(server, WM('ListPersonalAccessTokens'), {
        OrganizationId: org.organizationId,
      });
      expect(listed.PersonalAccessTokenSummaries).toMatchObject([
        { PersonalAccessTokenId: token.id },
      ]);
      const signIn = await fetch(new URL('/account/sign-in', server.url));
      expect(signIn.status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(server.output().stderr).not.toContain('refused to load');
  });

  it('runs `migrate` without loading the workmail CLI', async () => {
    const running = promisify(execFile)(
      process.execPath,
      [
        '--import',
        REFUSE_MODULES.href,
        MAILPAT_BIN,
        'migrate',
        '--from',
        'x.db',
        '--to',
        'postgres://u@h/db',
      ],
      { env: { ...process.env, MAILPAT_TEST_REFUSED_MODULES: '@mailpat/cli,@mailpat/client' } },
    );
    // Its own refusal of the options, reached after loading everything migrate uses.
    await expect(running).rejects.toMatchObject({
      code: 1,
      stderr: 'mailpat: --from must be sqlite:PATH, the SQLite database to copy; got x.db\n',
    });
  });

  it('cannot run `workmail --help` with those refused (the refusal works)', async () => {
    const running = promisify(execFile)(
      process.execPath,
      ['--import', REFUSE_MODULES.href, MAILPAT_BIN, 'workmail', '--help'],
      { env: { ...process.env, ...REFUSED_ENV } },
    );
    await expect(running).rejects.toMatchObject({
      stderr: expect.stringMatching(/refused to load @mailpat\/cli/),
    });
  });
});
