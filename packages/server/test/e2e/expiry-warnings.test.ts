/**
 * A user receives the 7-day warning in their real Dovecot inbox: mailpat delivers it over LMTP
 * (`MAILPAT_SMTP_URL=lmtp://...`) and the user reads it back over IMAP with another of their
 * tokens. Time is moved by restarting mailpat with a clock 53.5 days ahead (clock-offset.mjs), on
 * the same port, so Dovecot's introspection URL stays right. Runs on SQLite and PostgreSQL.
 * Skipped, with a loud name, without root or without Dovecot's LMTP.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameUnless, skipNotice } from '../../../../test-support/skip-notice.js';
import type { DovecotProcess } from '../support/dovecot.js';
import { findFreePort, isDovecotUsable, startDovecot } from '../support/dovecot.js';
import { WM, createOrgWithUsers, createToken } from '../support/fixtures.js';
import type { OrgFixture } from '../support/fixtures.js';
import { ImapSession } from '../support/imap-session.js';
import { makeDataDir, startMailpat } from '../support/mailpat-process.js';
import type { MailpatProcess, StartOptions } from '../support/mailpat-process.js';
import { call } from '../support/signed-request.js';
import { expiryWarningsOf, mailedAtStart } from '../support/expiry-check.js';

const dovecotUsable = isDovecotUsable();
const SUITE = nameUnless(
  dovecotUsable,
  'expiry warnings delivered into a Dovecot mailbox',
  skipNotice(
    'Dovecot with LMTP, run as root',
    'apt-get install -y dovecot-imapd dovecot-lmtpd, then npm test as root',
  ),
);
const CLOCK_OFFSET = pathToFileURL(join(import.meta.dirname, '../support/clock-offset.mjs'));
const DAY_MS = 86_400_000;
/** Past the 7-day threshold of a 60-day token (52 to 53 days after creation), before the day's. */
const AHEAD_MS = 53.5 * DAY_MS;
const PUBLIC_URL = 'https://mail.example.org/';
const MAIL_FROM = 'mailpat <mailpat@mail.example.org>';

let dovecot: DovecotProcess;
let mailpat: MailpatProcess;
let org: OrgFixture;
let base: StartOptions;
const tokens: Record<string, { id: string; secret: string }> = {};

/** Starts mailpat on the fixed port; with `ahead`, its clock runs AHEAD_MS ahead. */
function startOnPort(ahead: boolean): Promise<MailpatProcess> {
  return startMailpat({
    ...base,
    ...(ahead
      ? {
          env: { ...base.env, MAILPAT_TEST_CLOCK_OFFSET_MS: String(AHEAD_MS) },
          preload: [CLOCK_OFFSET],
        }
      : {}),
  });
}

/** Logs in over IMAP with `secret` and returns the raw messages of INBOX. */
async function readInbox(email: string, secret: string): Promise<string[]> {
  const session = await ImapSession.connect(dovecot.imapPort);
  try {
    const login = await session.login(email, secret);
    expect(login.status, dovecot.log().slice(-2000)).toBe('OK');
    const selected = await session.select('INBOX');
    const exists = Number(/^\* (\d+) EXISTS/m.exec(selected.untagged.join('\n'))?.[1] ?? 0);
    const messages: string[] = [];
    for (let n = 1; n <= exists; n++) {
      const fetched = await session.command(`FETCH ${n} BODY.PEEK[]`);
      expect(fetched.status).toBe('OK');
      // `* n FETCH (BODY[] {size}`, the message's lines, then `)`.
      messages.push(fetched.untagged.slice(1, -1).join('\r\n'));
    }
    await session.logout();
    return messages;
  } finally {
    session.close();
  }
}

/** The token's EXPIRY_WARNING_SENT thresholds, asked of the server whose clock runs ahead. */
function eventsOf(tokenId: string) {
  return expiryWarningsOf(mailpat, org.organizationId, tokenId, AHEAD_MS);
}

describe.skipIf(!dovecotUsable)(SUITE, () => {
  beforeAll(async () => {
    const clientId = `dovecot-${randomBytes(4).toString('hex')}`;
    const clientSecret = randomBytes(24).toString('hex');
    const port = await findFreePort();
    dovecot = await startDovecot({ mailpatPort: port, clientId, clientSecret });
    base = {
      port,
      dataDir: makeDataDir(),
      credentials: {
        accessKeyId: `AKIATEST${randomBytes(6).toString('hex').toUpperCase()}`,
        secretAccessKey: randomBytes(30).toString('base64'),
      },
      env: {
        MAILPAT_INTROSPECTION_CLIENT_ID: clientId,
        MAILPAT_INTROSPECTION_CLIENT_SECRET: clientSecret,
        MAILPAT_SMTP_URL: `lmtp://127.0.0.1:${dovecot.lmtpPort}`,
        MAILPAT_MAIL_FROM: MAIL_FROM,
        MAILPAT_PUBLIC_URL: PUBLIC_URL,
      },
    };
    mailpat = await startOnPort(false);
    org = await createOrgWithUsers(mailpat, 2, 365);
    const [reader, disabled] = org.users;
    tokens.reader = await createToken(mailpat, org.organizationId, reader!.id, 'Laptop', {
      Scopes: ['IMAP'],
      ExpiresInDays: 365,
    });
    tokens.expiring = await createToken(mailpat, org.organizationId, reader!.id, 'Phone', {
      Scopes: ['IMAP', 'SMTP'],
      ExpiresInDays: 60,
    });
    tokens.revoked = await createToken(mailpat, org.organizationId, reader!.id, 'Old tablet', {
      ExpiresInDays: 60,
    });
    await call(mailpat, WM('DeletePersonalAccessToken'), {
      OrganizationId: org.organizationId,
      PersonalAccessTokenId: tokens.revoked.id,
    });
    tokens.ofDisabled = await createToken(mailpat, org.organizationId, disabled!.id, 'Phone', {
      ExpiresInDays: 60,
    });
    await call(mailpat, WM('DeregisterFromWorkMail'), {
      OrganizationId: org.organizationId,
      EntityId: disabled!.id,
    });
    expect(await mailedAtStart(mailpat)).toBe(0);
    expect(await mailpat.stop()).toBe(0);
    // 53.5 days later: the check at start owes the Phone token its 7-day warning.
    mailpat = await startOnPort(true);
  });
  afterAll(async () => {
    if (mailpat) await mailpat.stop();
    await dovecot?.stop();
  });

  it('delivers the 7-day warning into the owner’s inbox, readable over IMAP with their token', async () => {
    expect(await mailedAtStart(mailpat)).toBe(1);
    const reader = org.users[0]!;
    const [raw, ...others] = await readInbox(reader.email, tokens.reader!.secret);
    expect(others).toEqual([]);
    const mail = await simpleParser(raw!);
    expect(mail.from?.value).toEqual([{ name: 'mailpat', address: 'mailpat@mail.example.org' }]);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(reader.email);
    expect(mail.subject).toMatch(/"Phone" expires in [67] days/);
    for (const body of [mail.text ?? '', mail.html || '']) {
      expect(body).toContain('Phone');
      expect(body).toMatch(/IMAP, SMTP/);
      expect(body).toContain(`${PUBLIC_URL}account/`);
      expect(body).not.toMatch(/mpat_/);
    }
  });

  it('records the warning for admins as EXPIRY_WARNING_SENT with its threshold', async () => {
    expect(await eventsOf(tokens.expiring!.id)).toEqual([7]);
    expect(await eventsOf(tokens.reader!.id)).toEqual([]);
    expect(await eventsOf(tokens.revoked!.id)).toEqual([]);
    expect(await eventsOf(tokens.ofDisabled!.id)).toEqual([]);
  });

  it('sends nothing again after a restart on the same day', async () => {
    expect(await mailpat.stop()).toBe(0);
    mailpat = await startOnPort(true);
    expect(await mailedAtStart(mailpat)).toBe(0);
    expect(await readInbox(org.users[0]!.email, tokens.reader!.secret)).toHaveLength(1);
    expect(await eventsOf(tokens.expiring!.id)).toHaveLength(1);
  });
});
