/**
 * Password re-entry before a sensitive action (create, rotate) in a password session whose
 * sign-in is older than REAUTHENTICATE_AFTER_MS. Throttled like sign-in, so a stolen session
 * cookie is no way to guess the password faster.
 * @module
 */
import { verifyPassword } from '../../domain/passwords.js';
import { DEVICE_COOKIE } from '../constants.js';
import { cookieName } from '../http/cookies.js';
import { TOO_MANY_ATTEMPTS_MESSAGE } from '../sign-in/sign-in-guard.js';
import type { SignedInRequest } from '../web-dependencies.js';

/** The form error when the password is missing or wrong. */
export const WRONG_PASSWORD_MESSAGE = 'Enter your current password to continue.';

/**
 * Undefined when the action may go ahead (no re-entry needed, or the form's `password` is right,
 * which renews authenticatedAt); otherwise the message for the password field. Nothing else
 * changes on a refusal.
 */
export async function confirmPassword(
  request: SignedInRequest,
  form: URLSearchParams,
): Promise<string | undefined> {
  const { deps, signedIn } = request;
  if (!deps.sessions.needsPassword(signedIn.session)) return undefined;
  const attempt = {
    address: request.req.socket.remoteAddress ?? 'unknown',
    email: signedIn.user.email ?? signedIn.user.id,
    deviceCookie: request.cookies.get(cookieName(DEVICE_COOKIE, request.cookiePolicy)),
    now: Date.now(),
  };
  if (deps.signInGuard.mustWait(attempt)) return TOO_MANY_ATTEMPTS_MESSAGE;
  const password = form.get('password') ?? '';
  if (password === '' || !(await verifyPassword(password, signedIn.user.passwordHash))) {
    if (password !== '') deps.signInGuard.fail(attempt);
    return WRONG_PASSWORD_MESSAGE;
  }
  await deps.sessions.reauthenticated(signedIn.session);
  return undefined;
}
