/**
 * Records every secret the tests create (root secret access keys, PAT secrets, passwords, client
 * secrets, URL passwords) into this run's log audit directory, for the audit at the end of the run
 * (log-audit.ts) to search every server log for. The secrets themselves, not hashes: the audit
 * must find them as a log would hold them. Files are 0600 in a 0700 directory.
 * @module
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's directory of server logs and recorded secrets (log-audit-global-setup.ts). */
    logAuditDir: string;
  }
}

/**
 * Shorter ones are not recorded: a 6-character password can occur in a log by chance (a
 * request ID, a base64 run), and would fail the audit for nothing.
 */
export const MIN_AUDITED_SECRET_LENGTH = 10;

/** One line of a ledger file. */
export interface LedgerEntry {
  kind: string;
  secret: string;
}

/** The name of this process's ledger file: one per test worker, so appends never interleave. */
export const LEDGER_PREFIX = 'secrets-';

const recorded = new Set<string>();

/** This run's audit directory; undefined outside vitest or without the global setup. */
export function logAuditDir(): string | undefined {
  try {
    return inject('logAuditDir');
  } catch {
    return undefined;
  }
}

/** Records `secret` (of a kind such as `PAT secret`) for the audit; a no-op outside one. */
export function recordSecret(kind: string, secret: string | undefined): void {
  const dir = logAuditDir();
  if (dir === undefined || secret === undefined || secret.length < MIN_AUDITED_SECRET_LENGTH) {
    return;
  }
  if (recorded.has(secret)) return;
  recorded.add(secret);
  const entry: LedgerEntry = { kind, secret };
  appendFileSync(join(dir, `${LEDGER_PREFIX}${process.pid}.jsonl`), `${JSON.stringify(entry)}\n`, {
    mode: 0o600,
  });
}

/** The members of AWS JSON requests and responses that carry a secret, by kind. */
const SECRET_MEMBERS: Readonly<Record<string, string>> = {
  Password: 'user password',
  NewPassword: 'user password',
  ClientSecret: 'OpenID Connect client secret',
  Token: 'PAT secret',
};

/** Records the secret members of a request input or response body (top level, as the API has them). */
export function recordSecretMembers(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  for (const [member, kind] of Object.entries(SECRET_MEMBERS)) {
    const secret = (value as Record<string, unknown>)[member];
    if (typeof secret === 'string') recordSecret(kind, secret);
  }
}

/** Records the password of a `scheme://user:password@host` URL. */
export function recordUrlPassword(kind: string, url: string | undefined): void {
  if (url === undefined || !URL.canParse(url)) return;
  const password = new URL(url).password;
  if (password !== '') {
    recordSecret(kind, password);
    recordSecret(kind, decodeURIComponent(password));
  }
}
