/**
 * Reads the Cookie header and writes Set-Cookie values (RFC 6265), for the few cookies the web
 * app sets: every one HttpOnly, SameSite=Lax, Path=/; Secure with the `__Host-` prefix over HTTPS.
 * @module
 */
import type { IncomingMessage } from 'node:http';

/** The cookies of a request by name; the first of a repeated name wins, as browsers order them. */
export function readCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    const name = pair.slice(0, at).trim();
    if (name !== '' && !cookies.has(name)) cookies.set(name, pair.slice(at + 1).trim());
  }
  return cookies;
}

/** How a cookie is named and flagged on this server. */
export interface CookiePolicy {
  /** HTTPS: `__Host-` names and Secure, so no plain-HTTP page or subdomain can set them. */
  secure: boolean;
}

/** The name a cookie has under `policy` (`__Host-<base>` over HTTPS). */
export function cookieName(base: string, policy: CookiePolicy): string {
  return policy.secure ? `__Host-${base}` : base;
}

/**
 * A Set-Cookie value. Without `maxAgeMs` the cookie ends with the browser session; a
 * `maxAgeMs` of 0 deletes it. Values are base64url or similar: nothing to escape.
 */
export function serializeCookie(
  base: string,
  value: string,
  policy: CookiePolicy,
  maxAgeMs?: number,
): string {
  const parts = [`${cookieName(base, policy)}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (policy.secure) parts.push('Secure');
  if (maxAgeMs !== undefined) parts.push(`Max-Age=${Math.floor(maxAgeMs / 1000)}`);
  return parts.join('; ');
}
