/**
 * `mailpat import-workmail --notify-users`: each imported user with tokens gets the list of
 * tokens to re-create through a real SMTP relay, once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkMailClient } from '@mailpat/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportSource } from '../support/import-source.js';
import { startImportPair } from '../support/import-pair.js';
import type { ImportPair } from '../support/import-pair.js';
import { runMailpatCli } from '../support/mailpat-cli.js';
import { startSmtpSink } from '../support/smtp-sink.js';

let pair: ImportPair;
let source: WorkMailClient;
let env: NodeJS.ProcessEnv;
let scratch: string;
let importArgs: ImportPair['importArgs'];
let targetOrganizationId: ImportPair['targetOrganizationId'];
const tag = `${process.pid}-${Date.now().toString(36)}`;

beforeAll(async () => {
  pair = await startImportPair();
  ({ source, env, scratch, importArgs, targetOrganizationId } = pair);
});
afterAll(async () => {
  await pair?.stop();
});

describe('mailpat import-workmail --notify-users', () => {
  it('mails each user with an address their tokens to re-create, once', async () => {
    const org = await createImportSource(source, `notify-${tag}`);
    const sink = await startSmtpSink();
    try {
      const mailEnv = {
        ...env,
        MAILPAT_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        MAILPAT_MAIL_FROM: 'mailpat <mailpat@example.org>',
        MAILPAT_PUBLIC_URL: 'https://mail.example.org/',
      };
      const withoutReport = await runMailpatCli(
        importArgs(org.organizationId, '--notify-users'),
        mailEnv,
      );
      expect(withoutReport.code).toBe(252);
      expect(withoutReport.stderr).toContain('--notify-users needs --report FILE');
      expect(await targetOrganizationId(org.alias)).toBeUndefined();

      const reportFile = join(scratch, `notify-${tag}.json`);
      const args = importArgs(org.organizationId, '--notify-users', '--report', reportFile);
      const run = await runMailpatCli(args, mailEnv);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Mailed 2 users their tokens to re-create.');
      const mails = await sink.waitForMessages(2);
      expect(mails.map((m) => m.to[0]).sort()).toEqual([
        `ada@${org.domains[0]}`,
        `bob@${org.domains[1]}`,
      ]);
      const ada = mails.find((m) => m.to[0]!.startsWith('ada'))!;
      expect(ada.parsed.subject).toBe('Re-create your personal access tokens on mailpat');
      expect(ada.parsed.text).toContain('  - laptop (IMAP, SMTP, expires ');
      expect(ada.parsed.text).toContain('  - phone (IMAP, expires ');
      expect(ada.parsed.text).toContain('Create them at https://mail.example.org/account/');
      expect(mails.map((m) => m.raw).join('')).not.toMatch(/mpat_[0-9A-Za-z]{20,}/);
      const report = JSON.parse(readFileSync(reportFile, 'utf8'));
      const notified = report.Users.filter((u: { NotifiedAt?: string }) => u.NotifiedAt);
      expect(notified.map((u: { Name: string }) => u.Name).sort()).toEqual(['ada', 'bob']);

      const again = await runMailpatCli(args, mailEnv);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('Mailed 0 users');
      expect(sink.messages).toHaveLength(2);
    } finally {
      await sink.close();
    }
  });
});
