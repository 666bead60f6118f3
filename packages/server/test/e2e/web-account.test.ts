/** The web app for mailbox users against a real `mailpat serve`: sign-in, tokens, refusals. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { csrfOf, listedTokenIds, newSecretOf, TestBrowser } from '../support/form-browser.js';
import { createOrgWithUsers, createToken, IDENTITY_CENTER, MP, WM } from '../support/fixtures.js';
import type { OrgFixture } from '../support/fixtures.js';
import { introspect } from '../support/introspect.js';
import { startMailpat } from '../support/mailpat-process.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { call } from '../support/signed-request.js';

const PASSWORD = 'Web-Passw0rd!';
const GENERIC = 'The email address or password is incorrect.';
const CLIENT_ENV = {
  MAILPAT_INTROSPECTION_CLIENT_ID: 'dovecot',
  MAILPAT_INTROSPECTION_CLIENT_SECRET: 'web-account-secret-0123',
};
const MINUTE = 60_000;

let server: MailpatProcess;
let org: OrgFixture;

beforeAll(async () => {
  server = await startMailpat({ env: CLIENT_ENV });
  org = await createOrgWithUsers(server, 3);
  for (const user of org.users) {
    await call(server, WM('ResetPassword'), {
      OrganizationId: org.organizationId,
      UserId: user.id,
      Password: PASSWORD,
    });
  }
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** A browser signed in as `email`. */
async function signedIn(email: string, password = PASSWORD): Promise<TestBrowser> {
  const browser = new TestBrowser(server.url);
  const visit = await signIn(browser, email, password);
  expect(visit.status, visit.html).toBe(303);
  expect(visit.location).toBe('/account/');
  return browser;
}

async function signIn(browser: TestBrowser, email: string, password: string) {
  const page = await browser.get('/account/sign-in');
  return browser.post('/account/sign-in', { csrf: csrfOf(page.html), email, password });
}

async function createThroughWeb(browser: TestBrowser, name: string, extra = {}) {
  const form = await browser.get('/account/tokens/new');
  return browser.post('/account/tokens', {
    csrf: csrfOf(form.html),
    name,
    scopes: ['IMAP', 'SMTP'],
    expires: '30',
    ...extra,
  });
}

/** Moves the session of `browser` in the server's database (idle or sign-in time). */
async function ageSession(
  browser: TestBrowser,
  patch: { lastSeenAt: number; authenticatedAt?: number },
): Promise<void> {
  const secret = browser.cookies.get('mailpat_session')!;
  const store = await openStore(
    server.databaseUrl ?? `sqlite:${join(server.dataDir, 'mailpat.db')}`,
  );
  try {
    await store.touchWebSession(createHash('sha256').update(secret).digest('hex'), patch);
  } finally {
    await store.close();
  }
}

describe('web app: password sign-in and tokens', () => {
  it('sends a browser from / to /account/ and from there to the sign-in page', async () => {
    const browser = new TestBrowser(server.url);
    expect((await browser.get('/')).location).toBe('/account/');
    const account = await browser.get('/account/');
    expect(account.status).toBe(303);
    expect(account.location).toBe('/account/sign-in');
  });

  it('creates, lists, rotates and revokes a token; the secret is shown once and works', async () => {
    const browser = await signedIn(org.users[0]!.email.toUpperCase());
    const created = await createThroughWeb(browser, 'Laptop mail');
    expect(created.status, created.html).toBe(200);
    const secret = newSecretOf(created.html);
    expect(secret).toMatch(/^mpat_/);
    const answer = await introspect(server, `token=${secret}`, {
      basic: `dovecot:${CLIENT_ENV.MAILPAT_INTROSPECTION_CLIENT_SECRET}`,
    });
    expect(answer.body).toMatchObject({ active: true, username: org.users[0]!.email });

    const list = await browser.get('/account/');
    expect(list.status).toBe(200);
    expect(list.html).toContain('Laptop mail');
    expect(list.html).not.toContain(secret);
    const [id] = listedTokenIds(list.html);
    const metadata = await call(server, WM('GetPersonalAccessTokenMetadata'), {
      OrganizationId: org.organizationId,
      PersonalAccessTokenId: id,
    });
    expect(metadata).toMatchObject({ Name: 'Laptop mail', Scopes: ['IMAP', 'SMTP'] });

    const confirm = await browser.get(`/account/tokens/${id}/rotate`);
    expect(confirm.status).toBe(200);
    const rotated = await browser.post(`/account/tokens/${id}/rotate`, {
      csrf: csrfOf(confirm.html),
    });
    expect(rotated.status, rotated.html).toBe(200);
    const newSecret = newSecretOf(rotated.html);
    expect(newSecret).not.toBe(secret);

    const revoke = await browser.get(`/account/tokens/${id}/revoke`);
    const revoked = await browser.post(`/account/tokens/${id}/revoke`, {
      csrf: csrfOf(revoke.html),
    });
    expect(revoked.status).toBe(303);
    expect(listedTokenIds((await browser.get('/account/')).html)).not.toContain(id);
    const events = await call(server, MP('ListPersonalAccessTokenEvents'), {
      OrganizationId: org.organizationId,
      PersonalAccessTokenId: id,
    });
    const types = (events.Events as { EventType: string }[]).map((e) => e.EventType);
    expect(types).toEqual(expect.arrayContaining(['CREATED', 'ROTATED', 'DELETED']));
  });

  it('answers 404 for the token of another user, as for an unknown id, and keeps it', async () => {
    const browser = await signedIn(org.users[0]!.email);
    const other = await createToken(server, org.organizationId, org.users[1]!.id, 'not yours');
    const list = await browser.get('/account/');
    const csrf = csrfOf(list.html);
    for (const id of [other.id, 'pat-unknown']) {
      expect((await browser.get(`/account/tokens/${id}/rotate`)).status).toBe(404);
      expect((await browser.post(`/account/tokens/${id}/revoke`, { csrf })).status).toBe(404);
      expect((await browser.post(`/account/tokens/${id}/rotate`, { csrf })).status).toBe(404);
    }
    const metadata = await call(server, WM('GetPersonalAccessTokenMetadata'), {
      OrganizationId: org.organizationId,
      PersonalAccessTokenId: other.id,
    });
    expect(metadata.Name).toBe('not yours');
  });

  it('refuses a POST with a wrong or missing csrf, or from another origin, changing nothing', async () => {
    const browser = await signedIn(org.users[2]!.email);
    const form = await browser.get('/account/tokens/new');
    const fields = { name: 'forged', scopes: 'IMAP', expires: '7' };
    expect((await browser.post('/account/tokens', fields)).status).toBe(403);
    expect(
      (await browser.post('/account/tokens', { ...fields, csrf: 'x'.repeat(43) })).status,
    ).toBe(403);
    const foreign = await browser.post(
      '/account/tokens',
      { ...fields, csrf: csrfOf(form.html) },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect((await browser.get('/account/')).html).not.toContain('forged');
    // The sign-in form: its csrf must match the pre-session cookie.
    const stranger = new TestBrowser(server.url);
    await stranger.get('/account/sign-in');
    const forged = await stranger.post('/account/sign-in', {
      csrf: 'y'.repeat(43),
      email: org.users[2]!.email,
      password: PASSWORD,
    });
    expect(forged.status).toBe(403);
    expect(stranger.cookies.has('mailpat_session')).toBe(false);
  });

  it('shows the form errors of the API for a bad name and no scope, creating nothing', async () => {
    const browser = await signedIn(org.users[2]!.email);
    const refused = await createThroughWeb(browser, 'a'.repeat(65), { scopes: [] });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('Member must have length less than or equal to 64');
    expect(refused.html).toContain('Choose at least one of IMAP, POP3 and SMTP.');
  });

  it('signs out server-side: the old cookie no longer works', async () => {
    const browser = await signedIn(org.users[1]!.email);
    const cookie = browser.cookies.get('mailpat_session')!;
    const list = await browser.get('/account/');
    const out = await browser.post('/account/sign-out', { csrf: csrfOf(list.html) });
    expect(out.location).toBe('/account/sign-in');
    browser.cookies.set('mailpat_session', cookie);
    expect((await browser.get('/account/')).location).toBe('/account/sign-in');
  });

  it('ends a session idle too long, and one whose user was disabled', async () => {
    const idle = await signedIn(org.users[1]!.email);
    await ageSession(idle, { lastSeenAt: Date.now() - 31 * MINUTE });
    expect((await idle.get('/account/')).location).toBe('/account/sign-in');

    const fixture = await createOrgWithUsers(server, 1);
    const user = fixture.users[0]!;
    await call(server, WM('ResetPassword'), {
      OrganizationId: fixture.organizationId,
      UserId: user.id,
      Password: PASSWORD,
    });
    const browser = await signedIn(user.email);
    await call(server, WM('DeregisterFromWorkMail'), {
      OrganizationId: fixture.organizationId,
      EntityId: user.id,
    });
    expect((await browser.get('/account/')).location).toBe('/account/sign-in');
  });

  it('asks a password session older than 15 minutes for the password before creating', async () => {
    const browser = await signedIn(org.users[2]!.email);
    await ageSession(browser, {
      lastSeenAt: Date.now(),
      authenticatedAt: Date.now() - 16 * MINUTE,
    });
    const wrong = await createThroughWeb(browser, 'needs password', { password: 'wrong' });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('name="password"');
    expect((await browser.get('/account/')).html).not.toContain('needs password');
    const right = await createThroughWeb(browser, 'needs password', { password: PASSWORD });
    expect(right.status, right.html).toBe(200);
    // Proven again just now: the next action needs no password.
    expect((await createThroughWeb(browser, 'right after')).status).toBe(200);
  });
});

describe('web app: sign-in refusals', () => {
  it('gives one generic message for a wrong password and an unknown email', async () => {
    for (const [email, password] of [
      [org.users[0]!.email, 'Wrong-passw0rd'],
      [`nobody@${org.alias}.awsapps.com`, PASSWORD],
    ] as const) {
      const visit = await signIn(new TestBrowser(server.url), email, password);
      expect(visit.status).toBe(400);
      expect(visit.html).toContain(GENERIC);
    }
  });

  it('refuses a correct password when the organization is IDENTITY_PROVIDER_ONLY', async () => {
    const fixture = await createOrgWithUsers(server, 1);
    const user = fixture.users[0]!;
    await call(server, WM('ResetPassword'), {
      OrganizationId: fixture.organizationId,
      UserId: user.id,
      Password: PASSWORD,
    });
    await call(server, WM('PutIdentityProviderConfiguration'), {
      OrganizationId: fixture.organizationId,
      AuthenticationMode: 'IDENTITY_PROVIDER_ONLY',
      IdentityCenterConfiguration: IDENTITY_CENTER,
      PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: 30 },
    });
    const right = await signIn(new TestBrowser(server.url), user.email, PASSWORD);
    expect(right.html).toContain(
      'Password sign-in is turned off for your organization; use single sign-on.',
    );
    expect(right.headers.getSetCookie().join()).not.toContain('mailpat_session=');
    const wrong = await signIn(new TestBrowser(server.url), user.email, 'Wrong-passw0rd');
    expect(wrong.html).toContain(GENERIC);
  });

  it('turns tokens off with an INACTIVE policy: the list says so, creating changes nothing', async () => {
    const fixture = await createOrgWithUsers(server, 1);
    const user = fixture.users[0]!;
    await call(server, WM('ResetPassword'), {
      OrganizationId: fixture.organizationId,
      UserId: user.id,
      Password: PASSWORD,
    });
    const browser = await signedIn(user.email);
    const kept = await createThroughWeb(browser, 'kept');
    const [id] = listedTokenIds((await browser.get('/account/')).html);
    await call(server, WM('PutIdentityProviderConfiguration'), {
      OrganizationId: fixture.organizationId,
      AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
      IdentityCenterConfiguration: IDENTITY_CENTER,
      PersonalAccessTokenConfiguration: { Status: 'INACTIVE' },
    });
    const list = await browser.get('/account/');
    expect(list.html).toContain('Personal access tokens are turned off');
    const refused = await createThroughWeb(browser, 'refused');
    expect(refused.status).toBe(409);
    const rotate = await browser.post(`/account/tokens/${id}/rotate`, { csrf: csrfOf(list.html) });
    expect(rotate.status).toBe(409);
    expect(rotate.html).not.toContain(newSecretOf(kept.html));
    const listed = await call(server, WM('ListPersonalAccessTokens'), {
      OrganizationId: fixture.organizationId,
    });
    expect((listed.PersonalAccessTokenSummaries as unknown[]).length).toBe(1);
  });

  it('slows an attacker down without locking out the owner, whose browser is known', async () => {
    const fixture = await createOrgWithUsers(server, 1);
    const user = fixture.users[0]!;
    await call(server, WM('ResetPassword'), {
      OrganizationId: fixture.organizationId,
      UserId: user.id,
      Password: PASSWORD,
    });
    const owner = await signedIn(user.email);
    const attacker = new TestBrowser(server.url);
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await signIn(attacker, user.email, `Guess-${i}!aA`)).status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.at(-1)).toBe(429);
    // Even the right password waits now, from a browser the account has not seen.
    const stranger = await signIn(new TestBrowser(server.url), user.email, PASSWORD);
    expect(stranger.status).toBe(429);
    expect(stranger.html).toContain('Too many attempts. Wait a minute and try again.');
    // The owner's browser (its session over, its known-device cookie kept) gets in.
    owner.cookies.delete('mailpat_session');
    expect(owner.cookies.has('mailpat_device')).toBe(true);
    const again = await signIn(owner, user.email, PASSWORD);
    expect(again.status, again.html).toBe(303);
  });
});

describe('web app: response headers', () => {
  it('sends the security headers and flags the cookies', async () => {
    const browser = new TestBrowser(server.url);
    const page = await browser.get('/account/sign-in');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.getSetCookie()[0]).toMatch(
      /^mailpat_signin=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const signIn = await browser.post('/account/sign-in', {
      csrf: csrfOf(page.html),
      email: org.users[0]!.email,
      password: PASSWORD,
    });
    expect(signIn.headers.getSetCookie()[0]).toMatch(
      /^mailpat_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const notFound = await browser.get('/account/nothing-here');
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('serves the two assets with their types, revalidated by ETag, and nothing else', async () => {
    const browser = new TestBrowser(server.url);
    const script = await browser.get('/account/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(script.headers.get('cache-control')).toBe('no-cache');
    const etag = script.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await browser.get('/account/assets/app.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    const css = await browser.get('/account/assets/app.css', { 'if-none-match': etag });
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    for (const path of ['/account/assets/../package.json', '/account/assets/app.ts']) {
      expect((await browser.get(path)).status).toBe(404);
    }
  });

  it('answers 413 for a form over 16 KiB and 415 for a JSON body', async () => {
    const browser = await signedIn(org.users[0]!.email);
    const csrf = csrfOf((await browser.get('/account/')).html);
    const large = await browser.post('/account/tokens', { csrf, name: 'x'.repeat(17_000) });
    expect(large.status).toBe(413);
    const json = await browser.post(
      '/account/tokens',
      { csrf },
      { 'content-type': 'application/json' },
    );
    expect(json.status).toBe(415);
  });
});
