/**
 * POST /account/sign-in/sso (send the browser to its organization's provider) and
 * GET /account/sso/callback (the provider's answer becomes a session).
 * @module
 */
import { ACCOUNT_PATH, SESSION_COOKIE, SIGN_IN_COOKIE, SSO_STATE_COOKIE } from '../constants.js';
import { requireSignInCsrf } from '../csrf/csrf-checks.js';
import { cookieName, serializeCookie } from '../http/cookies.js';
import { readForm } from '../http/read-form.js';
import { redirect, sendPage } from '../http/respond.js';
import { renderSignInPage } from '../pages/index.js';
import { generateWebSecret } from '../sessions/session-secrets.js';
import { LOGIN_STATE_LIFETIME_MS, isSingleSignOnError } from '../single-sign-on/index.js';
import type { WebRequest } from '../web-dependencies.js';
import { TOO_MANY_ATTEMPTS_MESSAGE } from './sign-in-guard.js';
import { listSignInProviders } from './sign-in-providers.js';

/** Shown when the provider vouched for an address no enabled user of that organization has. */
export const NO_MATCHING_USER_MESSAGE =
  'Your identity provider signed you in, but no enabled mailbox user of this organization has ' +
  'that email address. Ask your administrator.';

/** Starts the authorization: the state goes into a cookie that only this browser sends back. */
export async function submitSingleSignOn(request: WebRequest): Promise<void> {
  const { deps, cookies, cookiePolicy } = request;
  const form = await readForm(request.req);
  requireSignInCsrf(form, cookies.get(cookieName(SIGN_IN_COOKIE, cookiePolicy)));
  const address = request.req.socket.remoteAddress ?? 'unknown';
  if (deps.signInGuard.mustWaitToStartSingleSignOn(address, Date.now())) {
    return refuse(request, TOO_MANY_ATTEMPTS_MESSAGE, 429);
  }
  try {
    const { authorizationUrl, state } = await deps.singleSignOn.begin(form.get('provider') ?? '');
    redirect(request.res, authorizationUrl, [
      serializeCookie(SSO_STATE_COOKIE, state, cookiePolicy, LOGIN_STATE_LIFETIME_MS),
    ]);
  } catch (error) {
    if (!isSingleSignOnError(error)) throw error;
    deps.log.info(`single sign-on refused at start: ${error.failure}`);
    await refuse(request, error.message);
  }
}

/** Completes the authorization; the verified email must be an enabled user of that organization. */
export async function handleSingleSignOnCallback(request: WebRequest): Promise<void> {
  const { deps, cookies, cookiePolicy } = request;
  const expectedState = cookies.get(cookieName(SSO_STATE_COOKIE, cookiePolicy)) ?? '';
  // The query (code, state) is read from the request line; it never reaches a log.
  const callbackUrl = new URL(request.req.url ?? '/', 'http://callback.invalid');
  let result: { organizationId: string; email: string };
  try {
    result = await deps.singleSignOn.complete(callbackUrl, expectedState);
  } catch (error) {
    if (!isSingleSignOnError(error)) throw error;
    deps.log.info(`single sign-on refused: ${error.failure}`);
    return refuse(request, error.message);
  }
  const user = await deps.store.findUserByEmail(result.email);
  const organization =
    user === undefined ? undefined : await deps.store.getOrganization(user.organizationId);
  if (
    user === undefined ||
    user.organizationId !== result.organizationId ||
    user.state !== 'ENABLED' ||
    organization?.state !== 'Active'
  ) {
    deps.log.info('single sign-on refused: no enabled user with the verified email');
    return refuse(request, NO_MATCHING_USER_MESSAGE);
  }
  const { secret } = await deps.sessions.create(user, 'sso');
  redirect(request.res, ACCOUNT_PATH, [
    serializeCookie(SESSION_COOKIE, secret, cookiePolicy),
    serializeCookie(SSO_STATE_COOKIE, '', cookiePolicy, 0),
    serializeCookie(SIGN_IN_COOKIE, '', cookiePolicy, 0),
  ]);
}

/** The sign-in page again, with the reason, a fresh sign-in form token and no pending state. */
async function refuse(request: WebRequest, message: string, status = 403): Promise<void> {
  const { cookiePolicy } = request;
  const csrfToken = generateWebSecret();
  const { providers, formActionOrigins } = await listSignInProviders(
    request.deps.store,
    request.deps.singleSignOn,
  );
  sendPage(request.res, status, renderSignInPage({ csrfToken, providers, error: message }), {
    formActionOrigins,
    cookies: [
      serializeCookie(SIGN_IN_COOKIE, csrfToken, cookiePolicy),
      serializeCookie(SSO_STATE_COOKIE, '', cookiePolicy, 0),
    ],
  });
}
