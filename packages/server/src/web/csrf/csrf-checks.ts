/**
 * Cross-site request forgery defences: a synchronizer token per session (hidden input `csrf`),
 * a double-submit cookie for the sign-in form (no session yet), and a check of the Origin header.
 * Every failure is a CsrfRefusedError (403) before anything changes.
 * @module
 */
import type { IncomingMessage } from 'node:http';
import type { WebSessionRecord } from '../../domain/records.js';
import { safeEqual } from '../http/safe-equal.js';
import { CsrfRefusedError } from '../http/web-errors.js';
import { isWebSecret } from '../sessions/session-secrets.js';

/** The form's `csrf` must equal the session's token. */
export function requireSessionCsrf(form: URLSearchParams, session: WebSessionRecord): void {
  if (!safeEqual(form.get('csrf') ?? '', session.csrfToken)) throw new CsrfRefusedError();
}

/** The sign-in form's `csrf` must equal the pre-session cookie the same page set. */
export function requireSignInCsrf(form: URLSearchParams, cookieValue: string | undefined): void {
  if (!isWebSecret(cookieValue) || !safeEqual(form.get('csrf') ?? '', cookieValue)) {
    throw new CsrfRefusedError();
  }
}

/**
 * A POST must come from this server's own pages. Browsers say so in `Sec-Fetch-Site`; when they
 * send it, only `same-origin` passes (a sibling subdomain is `same-site` and refused). A POST
 * that names its Origin must name this server: the origin the browser reached it at (scheme and
 * Host header) or MAILPAT_PUBLIC_URL's. Our pages send `Referrer-Policy: no-referrer`, under
 * which Chromium sends `Origin: null` even for its own forms, so `null` passes only when
 * `Sec-Fetch-Site` says same-origin. Neither header at all is left to the token checks (older
 * browsers omit both).
 */
export function requireSameOrigin(
  req: IncomingMessage,
  options: { tls: boolean; publicUrl: URL | undefined },
): void {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') throw new CsrfRefusedError();
  const origin = req.headers.origin;
  if (origin === undefined) return;
  if (origin === 'null') {
    if (site === 'same-origin') return;
    throw new CsrfRefusedError();
  }
  const host = req.headers.host;
  const own = host === undefined ? undefined : `${options.tls ? 'https' : 'http'}://${host}`;
  const allowed = [own?.toLowerCase(), options.publicUrl?.origin];
  if (!allowed.includes(origin.toLowerCase())) throw new CsrfRefusedError();
}
