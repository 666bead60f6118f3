/**
 * Messages about a database that never carry its password.
 * @module
 */

/** The mask shown where a password was. */
const MASK = '***';

/**
 * `databaseUrl` with its password (if any) replaced by `***`: `postgres://mailpat:***@db/mailpat`.
 * The user, host and database stay, since they are what an operator needs to see.
 */
export function maskDatabaseUrl(databaseUrl: string): string {
  return databaseUrl.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^/@]*@/i, `$1:${MASK}@`);
}

/**
 * `text` (e.g. a driver's error message) with every occurrence of the URL's password, as written
 * and URL-decoded, replaced by `***`, and the URL itself by its masked form.
 */
export function maskDatabasePassword(text: string, databaseUrl: string): string {
  let masked = text.replaceAll(databaseUrl, maskDatabaseUrl(databaseUrl));
  const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:([^/@]*)@/i.exec(databaseUrl)?.[1];
  if (password === undefined || password === '') return masked;
  for (const form of new Set([password, safeDecode(password)])) {
    masked = masked.replaceAll(form, MASK);
  }
  return masked;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
