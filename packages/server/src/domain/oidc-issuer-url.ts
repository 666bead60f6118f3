/**
 * Which OpenID Connect issuer URLs an organization may configure: https, or http on a loopback
 * host for local tests and development.
 * @module
 */
import { InvalidParameterException } from '../errors/index.js';

/** Hosts (as URL.hostname spells them) where plain http cannot be read by anyone on a network. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * The issuer URL, or InvalidParameterException. An issuer identifier has no query, fragment or
 * credentials (OpenID Connect Discovery 1.0 §3, `issuer`); it is kept as written, because the
 * provider's metadata must name exactly the same issuer.
 */
export function requireValidIssuerUrl(text: string): URL {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url === undefined || !(url.protocol === 'https:' || isLoopbackHttp(url))) {
    throw new InvalidParameterException(
      'IssuerUrl must be an https URL (http only for 127.0.0.1, ::1 or localhost).',
    );
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new InvalidParameterException(
      'IssuerUrl must not have a query, a fragment or credentials.',
    );
  }
  return url;
}

/** True for an http URL on a loopback host: the only case where insecure requests are allowed. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}
