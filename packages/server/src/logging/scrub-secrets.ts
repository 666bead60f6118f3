/**
 * Masks secrets inside free text (messages, error messages and stacks), which pino's path-based
 * redaction cannot reach: URL credentials and PAT secrets.
 * @module
 */

/**
 * `scheme://user:password@` up to the last `@` of the word: a password with a raw `@` or `/`
 * (not percent-encoded, as people do write them) is masked whole, not cut at its first `@`.
 */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s"'/@:]*):[^\s"']*@/gi;
/** A PAT secret: `mpat_` and the base62 body and checksum (see tokens/token-secret.ts). */
const TOKEN_SECRET = /\bmpat_[A-Za-z0-9]{16,}/g;

/**
 * The documentation's placeholder, as usage messages spell it (`use postgres://user:password@...`):
 * kept, since masking it would garble the hint and protect nothing.
 */
const PLACEHOLDER = '://user:password@';

/** What replaces a secret in a log line. */
export const MASK = '***';

/** `text` with every URL password and PAT secret replaced by MASK. */
export function scrubSecrets(text: string): string {
  // Most lines hold neither; skip the replacements (and their copies) for those.
  if (!text.includes('://') && !text.includes('mpat_')) return text;
  return text
    .replace(URL_PASSWORD, (url: string, head: string) =>
      url.endsWith(PLACEHOLDER) ? url : `${head}:${MASK}@`,
    )
    .replace(TOKEN_SECRET, `mpat_${MASK}`);
}
