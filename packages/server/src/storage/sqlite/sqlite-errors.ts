/**
 * better-sqlite3 error codes to the backend-neutral storage errors.
 * @module
 */
import {
  DatabaseFaultError,
  DatabaseUnavailableError,
  UniqueConstraintError,
} from '../storage-errors.js';

// SQLite names the columns of a violated UNIQUE index, not the index; the migrations' names
// are recovered from the column list. users (organization_id, id) can only repeat with the ID.
const CONSTRAINTS_BY_COLUMNS: Readonly<Record<string, string>> = {
  'organizations.id': 'organizations_pkey',
  'organizations.alias_lower': 'organizations_alias',
  'mail_domains.domain_lower': 'mail_domains_pkey',
  'users.id': 'users_pkey',
  'users.organization_id, users.id': 'users_pkey',
  'users.organization_id, users.name_lower': 'users_name',
  'users.email_lower': 'users_email',
  'personal_access_tokens.id': 'personal_access_tokens_pkey',
  'personal_access_tokens.secret_hash': 'tokens_secret_hash',
  'settings.key': 'settings_pkey',
  'access_keys.access_key_id': 'access_keys_pkey',
};

// Locked, I/O failure, cannot open, disk full, read-only file or file system, damaged file:
// the database, not the request, is at fault (503), and most of these pass without a restart.
const UNAVAILABLE_CODE = /^SQLITE_(BUSY|IOERR|CANTOPEN|FULL|READONLY|CORRUPT|NOTADB)(_|$)/;

/** Of those, the ones that stay until an operator acts (see DatabaseFaultError). */
const FAULT_CODE = /^SQLITE_(IOERR|FULL|READONLY|CORRUPT|NOTADB)(_|$)/;

/** The storage error a better-sqlite3 error stands for, or the error unchanged. */
export function translateSqliteError(error: unknown): unknown {
  const code = sqliteCode(error);
  if (code === undefined) return error;
  const message = (error as Error).message;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new UniqueConstraintError(constraintName(message), { cause: error });
  }
  if (UNAVAILABLE_CODE.test(code)) {
    const Unavailable = FAULT_CODE.test(code) ? DatabaseFaultError : DatabaseUnavailableError;
    return new Unavailable(`SQLite database unavailable (${code}): ${message}`, { cause: error });
  }
  return error;
}

/** The constraint named in "UNIQUE constraint failed: t.a, t.b" or "...: index 'name'". */
export function constraintName(message: string): string {
  const failed = /constraint failed: (.*)$/.exec(message)?.[1]?.trim();
  if (failed === undefined) return 'unknown';
  const index = /^index '(.+)'$/.exec(failed)?.[1];
  return index ?? CONSTRAINTS_BY_COLUMNS[failed] ?? failed;
}

function sqliteCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}
