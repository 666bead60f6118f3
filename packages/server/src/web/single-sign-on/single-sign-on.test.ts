import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOidcProvider } from '../../../test/support/oidc-provider.js';
import type { RunningOidcProvider } from '../../../test/support/oidc-provider.js';
import { openStore } from '../../storage/open-store.js';
import { anOrganization } from '../../storage/store-fixtures.js';
import type { Store } from '../../storage/store.js';
import { LOGIN_STATE_LIFETIME_MS } from './constants.js';
import { SingleSignOn } from './single-sign-on.js';
import { SingleSignOnError } from './single-sign-on-error.js';
import type { SingleSignOnFailure } from './single-sign-on-error.js';

const REDIRECT_URI = 'http://127.0.0.1:9/account/sso/callback';
const CLIENT = { clientId: 'mailpat', clientSecret: 'a-client-secret-for-tests' };
const ACCOUNTS = [
  { sub: 'ada', email: 'ada@example.org', email_verified: true },
  { sub: 'bob', email: 'bob@example.org', email_verified: false },
  { sub: 'eve' },
];

const root = mkdtempSync(join(tmpdir(), 'mailpat-sso-'));
let store: Store;
let provider: RunningOidcProvider;
let clock: number;
let sso: SingleSignOn;

beforeAll(async () => {
  store = await openStore(`sqlite:${join(root, 'sso.db')}`);
  provider = await startOidcProvider({
    ...CLIENT,
    redirectUris: [REDIRECT_URI],
    accounts: ACCOUNTS,
  });
});

afterAll(async () => {
  await provider.stop();
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  clock = Date.now();
  sso = new SingleSignOn({ store, redirectUri: REDIRECT_URI, now: () => clock });
});

/** A new organization whose provider is `issuer`. */
async function anOrganizationUsing(issuer: string): Promise<string> {
  const org = anOrganization();
  await store.insertOrganization(org);
  await store.putOidcProvider({
    organizationId: org.id,
    providerName: 'Test IdP',
    issuerUrl: issuer,
    ...CLIENT,
    createdAt: clock,
    updatedAt: clock,
  });
  return org.id;
}

/**
 * What a browser does between begin and the callback: follows the provider's redirects with its
 * cookies (the harness signs in as the chosen account) until it is sent to the redirect URI.
 */
async function followToCallback(authorizationUrl: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: { cookie } });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    const location = response.headers.get('location');
    if (location === null) throw new Error(`no redirect from ${url}: ${response.status}`);
    const next = new URL(location, url);
    if (next.href.startsWith(REDIRECT_URI)) return next;
    url = next.href;
  }
  throw new Error('too many redirects');
}

/** begin, sign in at the provider as `sub`, and the callback URL the browser brings back. */
async function signInAt(organizationId: string, sub: string | undefined, at = provider) {
  const { authorizationUrl, state } = await sso.begin(organizationId);
  if (sub !== undefined) at.setNextLogin(sub);
  return { callbackUrl: await followToCallback(authorizationUrl), state };
}

async function expectRefused(promise: Promise<unknown>, failure: SingleSignOnFailure) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SingleSignOnError);
  expect((error as SingleSignOnError).failure).toBe(failure);
}

describe('SingleSignOn', () => {
  it('should return the verified email of the account signed in at the provider', async () => {
    const organizationId = await anOrganizationUsing(provider.issuer);
    const { authorizationUrl, state } = await sso.begin(organizationId);
    const sent = new URL(authorizationUrl);
    expect(sent.origin).toBe(provider.issuer);
    expect(sent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(sent.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    provider.setNextLogin('ada');
    const callbackUrl = await followToCallback(authorizationUrl);
    expect(await sso.complete(callbackUrl, state)).toEqual({
      organizationId,
      email: 'ada@example.org',
    });
  });

  it('should read the email from the ID token when the provider puts it there', async () => {
    const idTokenProvider = await startOidcProvider({
      ...CLIENT,
      redirectUris: [REDIRECT_URI],
      accounts: ACCOUNTS,
      emailInIdToken: true,
    });
    try {
      const organizationId = await anOrganizationUsing(idTokenProvider.issuer);
      const { callbackUrl, state } = await signInAt(organizationId, 'ada', idTokenProvider);
      expect((await sso.complete(callbackUrl, state)).email).toBe('ada@example.org');
    } finally {
      await idTokenProvider.stop();
    }
  });

  it('should refuse a state used twice', async () => {
    const { callbackUrl, state } = await signInAt(
      await anOrganizationUsing(provider.issuer),
      'ada',
    );
    await sso.complete(callbackUrl, state);
    await expectRefused(sso.complete(callbackUrl, state), 'unknown-state');
  });

  it("should refuse a callback for another browser's state, without using it up", async () => {
    const { callbackUrl, state } = await signInAt(
      await anOrganizationUsing(provider.issuer),
      'ada',
    );
    await expectRefused(sso.complete(callbackUrl, 'the-state-of-this-browser'), 'state-mismatch');
    await expectRefused(sso.complete(callbackUrl, ''), 'state-mismatch');
    expect((await sso.complete(callbackUrl, state)).email).toBe('ada@example.org');
  });

  it('should refuse a state older than its lifetime, and prune it', async () => {
    const organizationId = await anOrganizationUsing(provider.issuer);
    const late = await signInAt(organizationId, 'ada');
    const pruned = await signInAt(organizationId, 'ada');
    clock += LOGIN_STATE_LIFETIME_MS + 1;
    await expectRefused(sso.complete(late.callbackUrl, late.state), 'expired-state');
    expect(await sso.pruneLoginStates()).toBeGreaterThanOrEqual(1);
    await expectRefused(sso.complete(pruned.callbackUrl, pruned.state), 'unknown-state');
  });

  it('should refuse an email the provider does not call verified, or no email', async () => {
    const organizationId = await anOrganizationUsing(provider.issuer);
    const bob = await signInAt(organizationId, 'bob');
    await expectRefused(sso.complete(bob.callbackUrl, bob.state), 'email-not-verified');
    const eve = await signInAt(organizationId, 'eve');
    await expectRefused(sso.complete(eve.callbackUrl, eve.state), 'email-not-verified');
  });

  it("should refuse the provider's error answer", async () => {
    const { callbackUrl, state } = await signInAt(
      await anOrganizationUsing(provider.issuer),
      undefined,
    );
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
    await expectRefused(sso.complete(callbackUrl, state), 'provider-refused');
  });

  it('should refuse a tampered code', async () => {
    const { callbackUrl, state } = await signInAt(
      await anOrganizationUsing(provider.issuer),
      'ada',
    );
    callbackUrl.searchParams.set('code', `${callbackUrl.searchParams.get('code')}x`);
    await expectRefused(sso.complete(callbackUrl, state), 'invalid-response');
  });

  it.each([
    ['PKCE verifier', { codeVerifier: 'a'.repeat(43) }],
    ['nonce', { nonce: 'another-nonce' }],
  ])('should refuse a code redeemed with the wrong %s', async (_what, change) => {
    const { callbackUrl, state } = await signInAt(
      await anOrganizationUsing(provider.issuer),
      'ada',
    );
    const stored = await store.takeOidcLoginState(state);
    await store.insertOidcLoginState({ ...stored!, ...change });
    await expectRefused(sso.complete(callbackUrl, state), 'invalid-response');
  });

  it('should refuse an organization without a provider', async () => {
    const org = anOrganization();
    await store.insertOrganization(org);
    await expectRefused(sso.begin(org.id), 'not-configured');
  });

  it("should list each provider's authorization origin once, for the form-action CSP", async () => {
    const up = await store.getOidcProvider(await anOrganizationUsing(provider.issuer));
    const again = await store.getOidcProvider(await anOrganizationUsing(provider.issuer));
    const down = await store.getOidcProvider(await anOrganizationUsing('http://127.0.0.1:9/idp'));
    expect(await sso.formActionOrigins([up!, again!, down!])).toEqual([
      provider.issuer,
      'http://127.0.0.1:9',
    ]);
  });

  it('should refuse cleanly when the provider is down, and reuse its discovery meanwhile', async () => {
    const flaky = await startOidcProvider({
      ...CLIENT,
      redirectUris: [REDIRECT_URI],
      accounts: ACCOUNTS,
    });
    const organizationId = await anOrganizationUsing(flaky.issuer);
    const { callbackUrl, state } = await signInAt(organizationId, 'ada', flaky);
    await flaky.stop();
    // The discovery document is cached: a sign-in can still start while the provider is down...
    await sso.begin(organizationId);
    await expectRefused(sso.complete(callbackUrl, state), 'provider-unavailable');
    // ...until the cache expires and the provider is asked again.
    clock += 5 * 60_000 + 1;
    await expectRefused(sso.begin(organizationId), 'provider-unavailable');
  });
});
