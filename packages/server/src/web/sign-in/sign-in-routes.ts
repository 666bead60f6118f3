/**
 * GET and POST /account/sign-in (password) and POST /account/sign-out.
 * @module
 */
import {
  ACCOUNT_PATH,
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE_MS,
  SESSION_COOKIE,
  SIGN_IN_COOKIE,
  SIGN_IN_PATH,
} from '../constants.js';
import { requireSessionCsrf, requireSignInCsrf } from '../csrf/csrf-checks.js';
import { cookieName, serializeCookie } from '../http/cookies.js';
import { readForm } from '../http/read-form.js';
import { redirect, sendPage } from '../http/respond.js';
import { renderSignInPage } from '../pages/index.js';
import { generateWebSecret, isWebSecret } from '../sessions/session-secrets.js';
import type { SignedInRequest, WebRequest } from '../web-dependencies.js';
import {
  INVALID_SIGN_IN_MESSAGE,
  SSO_ONLY_MESSAGE,
  signInWithPassword,
} from './password-sign-in.js';
import { TOO_MANY_ATTEMPTS_MESSAGE } from './sign-in-guard.js';
import type { SignInAttempt } from './sign-in-guard.js';
import { listSignInProviders } from './sign-in-providers.js';

/** The sign-in page; a browser already signed in goes straight to its tokens. */
export async function showSignIn(request: WebRequest): Promise<void> {
  const { deps, cookies, cookiePolicy } = request;
  const signedIn = await deps.sessions.resolve(
    cookies.get(cookieName(SESSION_COOKIE, cookiePolicy)),
  );
  if (signedIn) return redirect(request.res, ACCOUNT_PATH);
  const existing = cookies.get(cookieName(SIGN_IN_COOKIE, cookiePolicy));
  const csrfToken = isWebSecret(existing) ? existing : generateWebSecret();
  await sendSignInPage(request, 200, csrfToken, {}, [
    serializeCookie(SIGN_IN_COOKIE, csrfToken, cookiePolicy),
  ]);
}

/** Checks the password form; on success a new session and a known-device cookie. */
export async function submitSignIn(request: WebRequest): Promise<void> {
  const { deps, cookies, cookiePolicy } = request;
  const form = await readForm(request.req);
  const csrfToken = cookies.get(cookieName(SIGN_IN_COOKIE, cookiePolicy));
  requireSignInCsrf(form, csrfToken);
  const email = (form.get('email') ?? '').trim();
  const attempt: SignInAttempt = {
    address: request.req.socket.remoteAddress ?? 'unknown',
    email,
    deviceCookie: cookies.get(cookieName(DEVICE_COOKIE, cookiePolicy)),
    now: Date.now(),
  };
  if (deps.signInGuard.mustWait(attempt)) {
    return sendSignInPage(request, 429, csrfToken!, { email, error: TOO_MANY_ATTEMPTS_MESSAGE });
  }
  const result = await signInWithPassword(deps.store, email, form.get('password') ?? '');
  if (result.outcome === 'sso-only') {
    return sendSignInPage(request, 403, csrfToken!, { email, error: SSO_ONLY_MESSAGE });
  }
  if (result.outcome === 'invalid') {
    deps.signInGuard.fail(attempt);
    return sendSignInPage(request, 400, csrfToken!, { email, error: INVALID_SIGN_IN_MESSAGE });
  }
  const device = deps.signInGuard.succeed(attempt);
  const { secret } = await deps.sessions.create(result.user, 'password');
  redirect(request.res, ACCOUNT_PATH, [
    serializeCookie(SESSION_COOKIE, secret, cookiePolicy),
    serializeCookie(DEVICE_COOKIE, device, cookiePolicy, DEVICE_COOKIE_MAX_AGE_MS),
    serializeCookie(SIGN_IN_COOKIE, '', cookiePolicy, 0),
  ]);
}

/** Ends the session server-side and forgets its cookie. */
export async function submitSignOut(request: SignedInRequest): Promise<void> {
  const form = await readForm(request.req);
  requireSessionCsrf(form, request.signedIn.session);
  await request.deps.sessions.end(request.signedIn.session);
  redirect(request.res, SIGN_IN_PATH, [
    serializeCookie(SESSION_COOKIE, '', request.cookiePolicy, 0),
  ]);
}

async function sendSignInPage(
  request: WebRequest,
  status: number,
  csrfToken: string,
  fields: { email?: string; error?: string },
  cookies: string[] = [],
): Promise<void> {
  const { providers, formActionOrigins } = await listSignInProviders(
    request.deps.store,
    request.deps.singleSignOn,
  );
  const html = renderSignInPage({ csrfToken, providers, ...fields });
  sendPage(request.res, status, html, { cookies, formActionOrigins });
}
