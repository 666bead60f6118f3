/**
 * `mailpat import-workmail` given bad input: a clear message, the right exit code, nothing
 * written, never a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkMailClient } from '@mailpat/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startImportPair } from '../support/import-pair.js';
import type { ImportPair } from '../support/import-pair.js';
import { runMailpatCli } from '../support/mailpat-cli.js';
import type { MailpatProcess } from '../support/mailpat-process.js';

let pair: ImportPair;
let sourceServer: MailpatProcess;
let target: WorkMailClient;
let env: NodeJS.ProcessEnv;
let scratch: string;
let importArgs: ImportPair['importArgs'];

beforeAll(async () => {
  pair = await startImportPair();
  ({ sourceServer, target, env, scratch, importArgs } = pair);
});
afterAll(async () => {
  await pair?.stop();
});

describe('mailpat import-workmail bad input', () => {
  const ORG = 'm-00000000000000000000000000000000';
  it.each([
    [
      'no --organization-id',
      2,
      "required option '--organization-id <id>'",
      () => ['import-workmail', '--source-endpoint-url', sourceServer.url],
    ],
    [
      '--on-conflict maybe',
      2,
      'Allowed choices are stop, skip',
      () => importArgs(ORG, '--on-conflict', 'maybe'),
    ],
    [
      '--concurrency 0',
      2,
      'expected an integer from 1 to 64',
      () => importArgs(ORG, '--concurrency', '0'),
    ],
    [
      'a --source-region that is no region',
      252,
      "not an AWS region: 'evil.example/x'",
      () => ['import-workmail', '--organization-id', ORG, '--source-region', 'evil.example/x'],
    ],
  ])('%s: exits %i (%s), writing nothing', async (_case, code, message, args) => {
    const before = await target.listOrganizations({});
    const run = await runMailpatCli(args(), env);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await target.listOrganizations({})).toEqual({ ...before, $metadata: expect.anything() });
  });

  it('names the side that refused: an unknown source organization', async () => {
    const run = await runMailpatCli(importArgs('m-00000000000000000000000000000000'), env);
    expect(run.code).toBe(254);
    expect(run.stderr).toContain(
      `reading the source at ${sourceServer.url} failed (OrganizationNotFoundException:`,
    );
    expect(run.stderr).toContain('Nothing was written.');
  });

  it('refuses --notify-users with a report file of another import', async () => {
    const file = join(scratch, 'not-a-report.json');
    writeFileSync(file, '{"hello":"world"}');
    const run = await runMailpatCli(
      importArgs('m-00000000000000000000000000000000', '--notify-users', '--report', file),
      { ...env, MAILPAT_SMTP_URL: 'smtp://127.0.0.1:1', MAILPAT_MAIL_FROM: 'a@example.org' },
    );
    expect(run.code).toBe(252);
    expect(run.stderr).toContain(
      'is not a report of an import of m-00000000000000000000000000000000',
    );
    expect(readFileSync(file, 'utf8')).toBe('{"hello":"world"}');
  });
});
