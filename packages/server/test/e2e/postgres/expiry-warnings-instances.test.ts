/**
 * Three `mailpat serve` instances on one PostgreSQL database start at the same moment, each
 * checking for expiry warnings at start: every owed warning reaches the relay exactly once.
 * Their clocks run 53.5 days ahead (clock-offset.mjs), past the 7-day threshold of 60-day tokens.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithUsers, createToken } from '../../support/fixtures.js';
import type { OrgFixture } from '../../support/fixtures.js';
import { startMailpat } from '../../support/mailpat-process.js';
import type { MailpatProcess } from '../../support/mailpat-process.js';
import { createSharedDatabase } from '../../support/shared-postgres-database.js';
import { expiryWarningsOf, mailedAtStart } from '../../support/expiry-check.js';
import { startSmtpSink } from '../../support/smtp-sink.js';
import type { SmtpSink } from '../../support/smtp-sink.js';

const CLOCK_OFFSET = pathToFileURL(join(import.meta.dirname, '../../support/clock-offset.mjs'));
const AHEAD_MS = 53.5 * 86_400_000;
const INSTANCES = 3;
const TOKENS = 24;

let sink: SmtpSink;
let instances: MailpatProcess[] = [];
let org: OrgFixture;
const expiring: string[] = [];

beforeAll(async () => {
  const { databaseUrl, credentials } = await createSharedDatabase('warn');
  sink = await startSmtpSink({ auth: { user: 'mailpat', pass: 'relay-secret' } });
  const mail = {
    MAILPAT_SMTP_URL: `smtp://mailpat:relay-secret@127.0.0.1:${sink.port}`,
    MAILPAT_MAIL_FROM: 'mailpat@mail.example.org',
  };
  // Tokens are created at today's time, on an instance without a relay.
  const creator = await startMailpat({ databaseUrl, credentials });
  org = await createOrgWithUsers(creator, 3, 365);
  for (let i = 0; i < TOKENS; i++) {
    const user = org.users[i % org.users.length]!;
    const { id } = await createToken(creator, org.organizationId, user.id, `device ${i}`, {
      ExpiresInDays: 60,
    });
    expiring.push(id);
  }
  expect(await creator.stop()).toBe(0);
  instances = await Promise.all(
    Array.from({ length: INSTANCES }, () =>
      startMailpat({
        databaseUrl,
        credentials,
        env: { ...mail, MAILPAT_TEST_CLOCK_OFFSET_MS: String(AHEAD_MS) },
        preload: [CLOCK_OFFSET],
      }),
    ),
  );
});

afterAll(async () => {
  for (const instance of instances) await instance.stop();
  await sink?.close();
});

describe('expiry warnings from several instances', () => {
  it('mails every owed warning exactly once, with one event each', async () => {
    const mailed = await Promise.all(instances.map((instance) => mailedAtStart(instance)));
    expect(mailed.reduce((a, b) => a + b, 0)).toBe(TOKENS);
    const messages = await sink.waitForMessages(TOKENS);
    expect(sink.messages).toHaveLength(TOKENS);
    const names = messages.map(
      (message) => /"(device \d+)"/.exec(message.parsed.subject ?? '')?.[1],
    );
    expect(new Set(names).size).toBe(TOKENS);
    expect(messages.every((message) => message.authenticatedAs === 'mailpat')).toBe(true);
    for (const instance of instances) {
      const { stdout, stderr } = instance.output();
      expect(stdout).toContain(`mailed through smtp://127.0.0.1:${sink.port}`);
      // The relay's password is in MAILPAT_SMTP_URL, never in the log.
      expect(stdout + stderr).not.toContain('relay-secret');
    }
    for (const tokenId of expiring) {
      expect(await expiryWarningsOf(instances[0]!, org.organizationId, tokenId, AHEAD_MS)).toEqual([
        7,
      ]);
    }
  });
});
