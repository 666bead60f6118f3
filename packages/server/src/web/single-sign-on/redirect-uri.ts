/**
 * The redirect URI an organization registers at its OpenID Connect provider.
 * @module
 */
import { CALLBACK_PATH } from './constants.js';

/**
 * `<baseUrl>/account/sso/callback`. Resolved relative to the base, so a public URL with a path
 * (a reverse proxy serving mailpat under `/mail/`) keeps it.
 */
export function singleSignOnRedirectUri(baseUrl: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(CALLBACK_PATH, base).href;
}
