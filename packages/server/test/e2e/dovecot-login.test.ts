/**
 * A real Dovecot accepts `LOGIN <email> <PAT>` through its oauth2 passdb pointed at
 * `POST /oauth2/introspect`, and refuses another user's token, a token without the IMAP scope, a
 * deleted token and a rotated-away secret at once. Failing logins are few on purpose: Dovecot
 * delays each by 2 s or more (a per-address penalty), and they all come from 127.0.0.1.
 * Skipped, with a loud name, without root or without Dovecot (`apt-get install -y dovecot-imapd`).
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameUnless, skipNotice } from '../../../../test-support/skip-notice.js';
import type { DovecotProcess } from '../support/dovecot.js';
import { isDovecotUsable, startDovecot } from '../support/dovecot.js';
import { IDENTITY_CENTER, MP, WM, createOrgWithUsers, createToken } from '../support/fixtures.js';
import type { OrgFixture } from '../support/fixtures.js';
import type { ImapResponse } from '../support/imap-session.js';
import { ImapSession } from '../support/imap-session.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { startMailpat } from '../support/mailpat-process.js';
import { call } from '../support/signed-request.js';

const dovecotUsable = isDovecotUsable();
const SUITE = nameUnless(
  dovecotUsable,
  'Dovecot IMAP LOGIN with a mailpat PAT',
  skipNotice(
    'Dovecot, run as root',
    'apt-get install -y dovecot-imapd dovecot-pop3d dovecot-submissiond dovecot-lmtpd, then npm test as root',
  ),
);
/** Dovecot's failed-login delay is 2 s and grows per address; one case may hold two of them. */
const LOGIN_CASE_TIMEOUT_MS = 60_000;

let mailpat: MailpatProcess;
let dovecot: DovecotProcess;
let org: OrgFixture;

/**
 * The address the address-recording cases log in from: not Dovecot's own (127.0.0.1), so the
 * event's ClientAddress can only be the mail client's if Dovecot's header carried it.
 */
const MAIL_CLIENT_ADDRESS = '127.0.0.2';

/** One connection, one `LOGIN`; returns its response and drops the connection. */
async function login(email: string, secret: string, from?: string): Promise<ImapResponse> {
  const session = await ImapSession.connect(dovecot.imapPort, '127.0.0.1', 30_000, from);
  try {
    return await session.login(email, secret);
  } finally {
    session.close();
  }
}

/** Fails with the tail of Dovecot's log and mailpat's output, which say why a login went wrong. */
function expectLogin(response: ImapResponse, status: 'OK' | 'NO', textPattern?: RegExp): void {
  const why = () =>
    `\n--- dovecot log ---\n${dovecot.log().split('\n').slice(-15).join('\n')}` +
    `\n--- mailpat stderr ---\n${mailpat.output().stderr.slice(-2000)}`;
  expect(response.status, why()).toBe(status);
  if (textPattern) expect(response.text, why()).toMatch(textPattern);
}

const REFUSED = /^\[AUTHENTICATIONFAILED\]/;

/** DateLastUsed (epoch seconds) once GetPersonalAccessTokenMetadata shows it, or undefined. */
async function pollDateLastUsed(tokenId: string, timeoutMs: number): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const metadata = await call(mailpat, WM('GetPersonalAccessTokenMetadata'), {
      OrganizationId: org.organizationId,
      PersonalAccessTokenId: tokenId,
    });
    if (metadata.DateLastUsed !== undefined) return metadata.DateLastUsed as number;
    if (Date.now() > deadline) return undefined;
    await sleep(250);
  }
}

/** The first event of `type` in the token's history, once ListPersonalAccessTokenEvents shows it. */
async function pollEvent(
  organizationId: string,
  tokenId: string,
  type: string,
): Promise<{ EventType: string; ClientAddress?: string } | undefined> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { Events } = (await call(mailpat, MP('ListPersonalAccessTokenEvents'), {
      OrganizationId: organizationId,
      PersonalAccessTokenId: tokenId,
    })) as { Events: { EventType: string; ClientAddress?: string }[] };
    const event = Events.find((candidate) => candidate.EventType === type);
    if (event !== undefined || Date.now() > deadline) return event;
    await sleep(250);
  }
}

/**
 * One login with a fresh token before the cases: when Dovecot cannot use the endpoint at all, every
 * case would fail the same way, each slower than the last (temporary failures raise the penalty
 * too); one error with the log says it at once.
 */
async function requireWorkingLogin(): Promise<void> {
  const user = org.users[0]!;
  const token = await createToken(mailpat, org.organizationId, user.id, 'canary');
  const response = await login(user.email, token.secret);
  if (response.status !== 'OK') {
    throw new Error(
      `Dovecot refused a fresh token (${response.status} ${response.text}); the log says why:\n` +
        `${dovecot.log()}\n--- mailpat stderr ---\n${mailpat.output().stderr.slice(-2000)}`,
    );
  }
}

describe.skipIf(!dovecotUsable)(SUITE, () => {
  beforeAll(async () => {
    const clientId = `dovecot-${randomBytes(4).toString('hex')}`;
    const clientSecret = randomBytes(24).toString('hex');
    mailpat = await startMailpat({
      env: {
        MAILPAT_INTROSPECTION_CLIENT_ID: clientId,
        MAILPAT_INTROSPECTION_CLIENT_SECRET: clientSecret,
        MAILPAT_LAST_USED_FLUSH_MS: '500',
      },
    });
    dovecot = await startDovecot({
      mailpatPort: Number(new URL(mailpat.url).port),
      clientId,
      clientSecret,
    });
    org = await createOrgWithUsers(mailpat, 2);
    await requireWorkingLogin();
  });
  afterAll(async () => {
    await dovecot?.stop();
    if (mailpat) expect(await mailpat.stop()).toBe(0);
  });

  // The order keeps the suite short: Dovecot delays each failed login 2 s, and the next login from
  // the same address waits 4 s more (8 s after two failures in a row, up to 15 s); a successful
  // login resets that penalty. So the successes come first and every failure follows a success.
  it('accepts LOGIN <email> <PAT> and then SELECT INBOX', async () => {
    const user = org.users[0]!;
    const token = await createToken(mailpat, org.organizationId, user.id, 'imap');
    const session = await ImapSession.connect(dovecot.imapPort);
    try {
      expect(session.greeting).toMatch(/^\* OK/);
      expectLogin(await session.login(user.email, token.secret), 'OK');
      const selected = await session.select('INBOX');
      expect(selected.status).toBe('OK');
      expect(selected.text).toMatch(/^\[READ-WRITE\]/);
      expect(selected.untagged).toContain('* 0 EXISTS');
      expect((await session.logout()).status).toBe('OK');
    } finally {
      session.close();
    }
  });

  it('shows DateLastUsed in GetPersonalAccessTokenMetadata within 60 seconds of a login', async () => {
    const user = org.users[0]!;
    const token = await createToken(mailpat, org.organizationId, user.id, 'last-used');
    const before = Date.now() / 1000;
    expectLogin(await login(user.email, token.secret), 'OK');
    const lastUsed = await pollDateLastUsed(token.id, 60_000);
    expect(lastUsed, 'DateLastUsed did not appear within 60 s').toBeDefined();
    // Epoch seconds; one second of slack for clocks read on either side of the login.
    expect(lastUsed!).toBeGreaterThanOrEqual(before - 1);
    expect(lastUsed!).toBeLessThanOrEqual(Date.now() / 1000 + 1);
  }, 90_000);

  it("records the mail client's address, not Dovecot's, as the USED event's ClientAddress", async () => {
    const user = org.users[0]!;
    const token = await createToken(mailpat, org.organizationId, user.id, 'from-elsewhere');
    expectLogin(await login(user.email, token.secret, MAIL_CLIENT_ADDRESS), 'OK');
    const used = await pollEvent(org.organizationId, token.id, 'USED');
    expect(used, 'no USED event within 30 s').toBeDefined();
    expect(used!.ClientAddress).toBe(MAIL_CLIENT_ADDRESS);
  });

  it(
    "records a refused login's USE_REFUSED event with the mail client's address",
    async () => {
      const other = await createOrgWithUsers(mailpat, 1);
      const user = other.users[0]!;
      const token = await createToken(mailpat, other.organizationId, user.id, 'policy-off');
      await call(mailpat, WM('PutIdentityProviderConfiguration'), {
        OrganizationId: other.organizationId,
        AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
        IdentityCenterConfiguration: IDENTITY_CENTER,
        PersonalAccessTokenConfiguration: { Status: 'INACTIVE', LifetimeInDays: 30 },
      });
      // From 127.0.0.2: Dovecot's failed-login penalty is per address, the other cases keep theirs.
      expectLogin(await login(user.email, token.secret, MAIL_CLIENT_ADDRESS), 'NO', REFUSED);
      const refused = await pollEvent(other.organizationId, token.id, 'USE_REFUSED');
      expect(refused, 'no USE_REFUSED event within 30 s').toBeDefined();
      expect(refused!.ClientAddress).toBe(MAIL_CLIENT_ADDRESS);
    },
    LOGIN_CASE_TIMEOUT_MS,
  );

  it('refuses a token of another user', async () => {
    const [owner, other] = org.users;
    const token = await createToken(mailpat, org.organizationId, owner!.id, 'owner');
    expectLogin(await login(other!.email, token.secret), 'NO', REFUSED);
  });

  it(
    'refuses a deleted token at once',
    async () => {
      const user = org.users[1]!;
      const token = await createToken(mailpat, org.organizationId, user.id, 'to-delete');
      expectLogin(await login(user.email, token.secret), 'OK');
      await call(mailpat, WM('DeletePersonalAccessToken'), {
        OrganizationId: org.organizationId,
        PersonalAccessTokenId: token.id,
      });
      expectLogin(await login(user.email, token.secret), 'NO', REFUSED);
    },
    LOGIN_CASE_TIMEOUT_MS,
  );

  it(
    'refuses the old secret after a rotation and accepts the new one',
    async () => {
      const user = org.users[1]!;
      const token = await createToken(mailpat, org.organizationId, user.id, 'to-rotate');
      expectLogin(await login(user.email, token.secret), 'OK');
      const rotated = (await call(mailpat, MP('RotatePersonalAccessToken'), {
        OrganizationId: org.organizationId,
        PersonalAccessTokenId: token.id,
      })) as { PersonalAccessTokenId: string; Token: string };
      expect(rotated.PersonalAccessTokenId).toBe(token.id);
      expectLogin(await login(user.email, token.secret), 'NO', REFUSED);
      expectLogin(await login(user.email, rotated.Token), 'OK');
    },
    LOGIN_CASE_TIMEOUT_MS,
  );

  it(
    'refuses a token whose scopes lack IMAP',
    async () => {
      const user = org.users[0]!;
      const token = await createToken(mailpat, org.organizationId, user.id, 'smtp-only', {
        Scopes: ['SMTP'],
      });
      // Dovecot answers a scope mismatch as a disabled user; the client sees the same refusal.
      expectLogin(await login(user.email, token.secret), 'NO', REFUSED);
    },
    LOGIN_CASE_TIMEOUT_MS,
  );
});
