/**
 * A real Dovecot's submission and POP3 accept the user's email and a token, each protocol through
 * its own oauth2 passdb and scope (SMTP, POP3, IMAP): a token opens only the protocols its scopes
 * name. Submission relays to an SMTP sink; LMTP delivers into the mailbox the tokens read. Clients
 * are Python's smtplib and poplib. Every refusal comes from its own loopback address, after a
 * success: Dovecot delays each failed login 2 s and more for the next one from the same address.
 * Skipped, with a loud name, without root or without Dovecot's IMAP, POP3, submission and LMTP.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameUnless, skipNotice } from '../../../../test-support/skip-notice.js';
import type { DovecotProcess } from '../support/dovecot.js';
import { findFreePort, isDovecotUsable, startDovecot } from '../support/dovecot.js';
import { WM, createOrgWithUsers, createToken } from '../support/fixtures.js';
import type { OrgFixture } from '../support/fixtures.js';
import { ImapSession } from '../support/imap-session.js';
import type { MailClientOutcome, MailLogin, OutgoingMail } from '../support/mail-clients.js';
import { deliverWithLmtp, loginWithPoplib, sendWithSmtplib } from '../support/mail-clients.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { startMailpat } from '../support/mailpat-process.js';
import { call } from '../support/signed-request.js';
import type { SmtpSink } from '../support/smtp-sink.js';
import { startSmtpSink } from '../support/smtp-sink.js';

const dovecotUsable = isDovecotUsable();
const SUITE = nameUnless(
  dovecotUsable,
  'Dovecot submission and POP3 with a mailpat PAT, one scope per protocol',
  skipNotice(
    'Dovecot with POP3, submission and LMTP, run as root',
    'apt-get install -y dovecot-imapd dovecot-pop3d dovecot-submissiond dovecot-lmtpd, then npm test as root',
  ),
);
/** A refusal costs Dovecot's failed-login delay (2 s, more when the address failed before). */
const REFUSAL_CASE_TIMEOUT_MS = 90_000;
const RECIPIENT = 'someone@example.org';

let mailpat: MailpatProcess;
let dovecot: DovecotProcess;
let sink: SmtpSink;
let org: OrgFixture;

/** The next unused loopback address for a refusal, so no case inherits another's penalty. */
let lastAddress = 20;
const freshAddress = () => `127.0.0.${++lastAddress}`;

/** The Dovecot log's tail and mailpat's stderr, which say why a login went the wrong way. */
function why(): string {
  return (
    `\n--- dovecot log ---\n${dovecot.log().split('\n').slice(-15).join('\n')}` +
    `\n--- mailpat stderr ---\n${mailpat.output().stderr.slice(-2000)}`
  );
}

/** A token of `user` with exactly `scopes`. */
function tokenWith(user: { id: string }, scopes: string[]) {
  return createToken(mailpat, org.organizationId, user.id, scopes.join('-'), { Scopes: scopes });
}

/** `LOGIN <email> <PAT>` over IMAP, then `SELECT INBOX` when it was accepted. */
async function imapLogin(email: string, secret: string, from?: string) {
  const session = await ImapSession.connect(dovecot.imapPort, '127.0.0.1', 60_000, from);
  try {
    const login = await session.login(email, secret);
    const select = login.status === 'OK' ? await session.select('INBOX') : undefined;
    return { login, select };
  } finally {
    session.close();
  }
}

function submission(email: string, secret: string, localAddress?: string): MailLogin {
  return { port: dovecot.submissionPort, user: email, password: secret, localAddress };
}

function pop3(email: string, secret: string, localAddress?: string): MailLogin {
  return { port: dovecot.pop3Port, user: email, password: secret, localAddress };
}

/** A plain-text message from `from` to `to` with a subject no other case uses. */
function messageFrom(
  from: string,
  body: string,
  to = RECIPIENT,
): OutgoingMail & { subject: string } {
  const subject = `mailpat ${randomBytes(6).toString('hex')}`;
  const message =
    `From: ${from}\r\nTo: ${to}\r\nSubject: ${subject}\r\n` +
    `Content-Type: text/plain; charset=us-ascii\r\n\r\n${body}`;
  return { from, to: [to], message, subject };
}

/** Each ended imap session of one of `emails` in Dovecot's log: its user and process id. */
function imapSessionsOf(log: string, emails: string[]): { email: string; pid: string }[] {
  const ends = log.matchAll(/ imap\(([^)]+)\)<(\d+)><[^>]*>: Info: (?:Logged out|Disconnected)/g);
  return [...ends]
    .map(([, email, pid]) => ({ email: email!, pid: pid! }))
    .filter(({ email }) => emails.includes(email));
}

function expectAccepted(outcome: MailClientOutcome): void {
  expect(outcome, why()).toMatchObject({ ok: true });
}

/** Submission refused the login with 535, and a send without it was not relayed either. */
function expectSubmissionRefused(outcome: MailClientOutcome, sinkCountBefore: number): void {
  expect(outcome, why()).toMatchObject({ ok: false, stage: 'auth', code: 535 });
  expect(outcome.ok === false && outcome.sendAnyway?.ok, 'sent without a login').toBe(false);
  expect(sink.messages).toHaveLength(sinkCountBefore);
}

function expectPop3Refused(outcome: MailClientOutcome): void {
  expect(outcome, why()).toMatchObject({ ok: false, stage: 'auth' });
  if (!outcome.ok) expect(outcome.error).toMatch(/^-ERR \[AUTH\]/);
}

describe.skipIf(!dovecotUsable)(SUITE, () => {
  beforeAll(async () => {
    const clientId = `dovecot-${randomBytes(4).toString('hex')}`;
    const clientSecret = randomBytes(24).toString('hex');
    sink = await startSmtpSink();
    mailpat = await startMailpat({
      env: {
        MAILPAT_INTROSPECTION_CLIENT_ID: clientId,
        MAILPAT_INTROSPECTION_CLIENT_SECRET: clientSecret,
      },
    });
    dovecot = await startDovecot({
      mailpatPort: Number(new URL(mailpat.url).port),
      clientId,
      clientSecret,
      relayPort: sink.port,
    });
    org = await createOrgWithUsers(mailpat, 2);
  });
  afterAll(async () => {
    await dovecot?.stop();
    await sink?.close();
    if (mailpat) expect(await mailpat.stop()).toBe(0);
  });

  it('sends with smtplib (AUTH PLAIN) and an IMAP SMTP token, relayed intact; the token reads over IMAP', async () => {
    const user = org.users[0]!;
    const token = await tokenWith(user, ['IMAP', 'SMTP']);
    const body = 'Sent with a personal access token.\r\nSecond line.\r\n';
    const mail = messageFrom(user.email, body);
    expectAccepted(await sendWithSmtplib(submission(user.email, token.secret), mail));
    await sink.waitForMessages(1);
    const relayed = sink.messages.find((received) => received.parsed.subject === mail.subject);
    expect(relayed, 'the message did not reach the sink').toBeDefined();
    expect(relayed!.from).toBe(user.email);
    expect(relayed!.to).toEqual([RECIPIENT]);
    expect(relayed!.parsed.text).toBe(body.replace(/\r\n/g, '\n'));
    const imap = await imapLogin(user.email, token.secret);
    expect(imap.login.status, why()).toBe('OK');
    expect(imap.select?.status).toBe('OK');
  });

  it(
    'refuses submission AUTH (535) to an IMAP-only token, which still reads over IMAP; nothing is relayed',
    async () => {
      const user = org.users[0]!;
      const token = await tokenWith(user, ['IMAP']);
      expect((await imapLogin(user.email, token.secret)).login.status, why()).toBe('OK');
      const before = sink.messages.length;
      const mail = messageFrom(user.email, 'Must not arrive.\r\n');
      const login = submission(user.email, token.secret, freshAddress());
      expectSubmissionRefused(await sendWithSmtplib(login, mail), before);
    },
    REFUSAL_CASE_TIMEOUT_MS,
  );

  it('delivers over LMTP into the mailbox that a POP3 token reads (USER/PASS, STAT, RETR) and an IMAP token selects', async () => {
    const user = org.users[1]!;
    const mail = messageFrom('mailpat@example.org', 'Delivered over LMTP.\r\n', user.email);
    expectAccepted(await deliverWithLmtp(dovecot.lmtpPort, mail));
    const popToken = await tokenWith(user, ['POP3']);
    const popped = await loginWithPoplib(pop3(user.email, popToken.secret), 1);
    expectAccepted(popped);
    if (!popped.ok) return;
    expect(popped.stat?.[0]).toBe(1);
    expect(popped.message).toContain(`Subject: ${mail.subject}`);
    const imapToken = await tokenWith(user, ['IMAP']);
    const imap = await imapLogin(user.email, imapToken.secret);
    expect(imap.login.status, why()).toBe('OK');
    expect(imap.select?.untagged).toContain('* 1 EXISTS');
  });

  it('reuses imap processes across users, each login opening its own mailbox', async () => {
    // The tests' dovecot.conf lets an imap process serve 100 logins (service_count = 100, the
    // Throughput section of docs/dovecot.md): one that served a user must open the next
    // user's mailbox, not the first one's.
    const other = await createOrgWithUsers(mailpat, 2);
    const imapUser = async (user: { id: string; email: string }, exists: string) => {
      const token = await createToken(mailpat, other.organizationId, user.id, 'IMAP', {
        Scopes: ['IMAP'],
      });
      return { email: user.email, secret: token.secret, exists };
    };
    const users = [
      await imapUser(other.users[0]!, '* 1 EXISTS'),
      await imapUser(other.users[1]!, '* 0 EXISTS'),
    ];
    const mail = messageFrom('mailpat@example.org', 'One message.\r\n', users[0]!.email);
    expectAccepted(await deliverWithLmtp(dovecot.lmtpPort, mail));
    const logins = 40;
    for (let i = 0; i < logins; i++) {
      // Every third login is the second user's: a period of 2 could alias with a round-robin
      // over an even number of spare processes and keep each process to one user.
      const user = users[i % 3 === 2 ? 1 : 0]!;
      const imap = await imapLogin(user.email, user.secret);
      expect(imap.login.status, why()).toBe('OK');
      expect(imap.select?.untagged, user.email).toContain(user.exists);
    }
    // The log process writes a session's end a moment after the connection closed.
    const emails = users.map((user) => user.email);
    const logged = () => imapSessionsOf(dovecot.log(), emails);
    await expect.poll(() => logged().length, { timeout: 10_000 }).toBe(logins);
    const usersByPid = new Map<string, Set<string>>();
    for (const { pid, email } of logged()) {
      usersByPid.set(pid, (usersByPid.get(pid) ?? new Set()).add(email));
    }
    expect(usersByPid.size, 'a new imap process for each login').toBeLessThan(logins);
    const servedBoth = [...usersByPid.values()].filter((served) => served.size === 2);
    expect(servedBoth.length, 'no imap process served both users').toBeGreaterThan(0);
  });

  it(
    'refuses an IMAP-only token on POP3',
    async () => {
      const user = org.users[1]!;
      const token = await tokenWith(user, ['IMAP']);
      expect((await imapLogin(user.email, token.secret)).login.status, why()).toBe('OK');
      expectPop3Refused(await loginWithPoplib(pop3(user.email, token.secret, freshAddress())));
    },
    REFUSAL_CASE_TIMEOUT_MS,
  );

  it(
    'refuses a POP3-only token on IMAP and on submission',
    async () => {
      const user = org.users[1]!;
      const token = await tokenWith(user, ['POP3']);
      expectAccepted(await loginWithPoplib(pop3(user.email, token.secret)));
      const imap = await imapLogin(user.email, token.secret, freshAddress());
      expect(imap.login.status, why()).toBe('NO');
      expect(imap.login.text).toMatch(/^\[AUTHENTICATIONFAILED\]/);
      const before = sink.messages.length;
      const mail = messageFrom(user.email, 'Must not arrive.\r\n');
      const login = submission(user.email, token.secret, freshAddress());
      expectSubmissionRefused(await sendWithSmtplib(login, mail), before);
    },
    REFUSAL_CASE_TIMEOUT_MS,
  );

  it(
    'refuses a deleted token on submission and on POP3',
    async () => {
      const user = org.users[0]!;
      const token = await tokenWith(user, ['POP3', 'SMTP']);
      expectAccepted(await loginWithPoplib(pop3(user.email, token.secret)));
      await call(mailpat, WM('DeletePersonalAccessToken'), {
        OrganizationId: org.organizationId,
        PersonalAccessTokenId: token.id,
      });
      const before = sink.messages.length;
      const mail = messageFrom(user.email, 'Must not arrive.\r\n');
      const login = submission(user.email, token.secret, freshAddress());
      expectSubmissionRefused(await sendWithSmtplib(login, mail), before);
      expectPop3Refused(await loginWithPoplib(pop3(user.email, token.secret, freshAddress())));
    },
    REFUSAL_CASE_TIMEOUT_MS,
  );

  // The global passdb behind the per-protocol ones must not turn an unreachable mailpat into a
  // wrong password: a mail client would then ask its user for a new one.
  it(
    'answers a temporary failure, not a refusal, on IMAP, POP3 and submission while mailpat is unreachable',
    async () => {
      const unreachable = await startDovecot({
        // A free port: nothing listens there.
        mailpatPort: await findFreePort(),
        clientId: 'dovecot',
        clientSecret: randomBytes(24).toString('hex'),
        relayPort: sink.port,
      });
      try {
        const user = org.users[0]!;
        const token = await tokenWith(user, ['IMAP', 'POP3', 'SMTP']);
        const session = await ImapSession.connect(unreachable.imapPort, '127.0.0.1', 60_000);
        const imap = await session.login(user.email, token.secret).finally(() => session.close());
        expect(imap, unreachable.log()).toMatchObject({ status: 'NO' });
        expect(imap.text).toMatch(/^\[UNAVAILABLE\]/);
        const popLogin = { ...pop3(user.email, token.secret), port: unreachable.pop3Port };
        const popped = await loginWithPoplib({ ...popLogin, localAddress: freshAddress() });
        expect(popped, unreachable.log()).toMatchObject({ ok: false, stage: 'auth' });
        if (!popped.ok) expect(popped.error).toMatch(/^-ERR \[SYS\/TEMP\]/);
        const mail = messageFrom(user.email, 'Must not arrive.\r\n');
        const login = { ...submission(user.email, token.secret), port: unreachable.submissionPort };
        const sent = await sendWithSmtplib({ ...login, localAddress: freshAddress() }, mail);
        // RFC 4954 §6: 454 is the temporary authentication failure (535: bad credentials).
        expect(sent, unreachable.log()).toMatchObject({ ok: false, stage: 'auth', code: 454 });
      } finally {
        await unreachable.stop();
      }
    },
    REFUSAL_CASE_TIMEOUT_MS,
  );
});
