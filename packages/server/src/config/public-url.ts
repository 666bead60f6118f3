/**
 * Reads MAILPAT_PUBLIC_URL, the URL browsers reach mailpat at.
 * @module
 */
import { PUBLIC_URL_ENV } from './constants.js';

/** An absolute http(s) URL without query or fragment; undefined when unset or empty. */
export function loadPublicUrl(env: NodeJS.ProcessEnv): string | undefined {
  const text = env[PUBLIC_URL_ENV];
  if (!text) return undefined;
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (
    url === undefined ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    throw new Error(`${PUBLIC_URL_ENV} must be an http or https URL without query or fragment`);
  }
  return url.href;
}
