/**
 * A SQLite database with a row in every table, values chosen to catch a lossy copy: NULLs and
 * empty strings, integers past 2^53, 0/1 flags, JSON text, non-ASCII, text keys whose byte order
 * differs from a linguistic collation.
 * @module
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { TokenRecord } from '../../../domain/records.js';
import { openStore } from '../../open-store.js';
import { tokenToRow } from '../../rows/token-rows.js';
import { aToken, aUser, anAdminEvent, anOrganization } from '../../store-fixtures.js';

/** Past Number.MAX_SAFE_INTEGER: only an exact copy keeps it. */
export const BEYOND_DOUBLE = 9007199254740993n;

/** Setting keys in byte order; an ICU collation would sort them otherwise. */
export const SETTING_KEYS = ['-dash', 'B-upper', '_under', 'a-lower', 'é-accent'];

/** The source file and a token to compare through the store on both sides. */
export interface SourceDatabase {
  path: string;
  organizationId: string;
  token: TokenRecord;
}

/** Creates the database in a new temporary directory, with three tokens and `moreTokens`. */
export async function makeSourceDatabase(moreTokens = 0): Promise<SourceDatabase> {
  const path = join(mkdtempSync(join(tmpdir(), 'mailpat-migrate-')), 'mailpat.db');
  const store = await openStore(`sqlite:${path}`);
  const org = await store.insertOrganization(anOrganization());
  await store.insertOrganization(anOrganization({ patConfiguration: null, identityCenter: null }));
  const user = await store.insertUser(aUser(org.id, { displayName: 'Zoë "Q" Ünïcödé\n✓' }));
  const bare = await store.insertUser(
    aUser(org.id, { email: null, passwordHash: null, attributes: {}, enabledAt: null }),
  );
  let token: TokenRecord | undefined;
  for (let i = 0; i < 3; i++) {
    const record = aToken(i % 2 ? bare : user, { lastUsedAt: i === 0 ? null : 1_700_000_000_123 });
    token = await store.insertToken(record, anAdminEvent(record));
  }
  await store.putAccessKey({
    accessKeyId: 'AKIAMIGRATE0DISABLED',
    secretAccessKey: 'x'.repeat(40),
    enabled: false,
    createdAt: 1,
  });
  await store.insertWebSession({
    idHash: 'ab'.repeat(32),
    organizationId: org.id,
    userId: user.id,
    method: 'password',
    csrfToken: 'csrf',
    createdAt: 10,
    authenticatedAt: 11,
    lastSeenAt: 12,
  });
  await store.putOidcProvider({
    organizationId: org.id,
    providerName: 'Corp SSO',
    issuerUrl: 'https://idp.example',
    clientId: 'client',
    clientSecret: 'client-secret',
    createdAt: 20,
    updatedAt: 21,
  });
  await store.insertOidcLoginState({
    state: 'state-1',
    organizationId: org.id,
    codeVerifier: 'verifier',
    nonce: 'nonce',
    createdAt: 30,
  });
  for (const key of SETTING_KEYS) await store.getOrCreateSetting(key, () => `value of ${key}`);
  await store.getOrCreateSetting('empty', () => '');
  await store.close();
  // Values the store never writes but the columns hold: the copy must not care.
  const db = new BetterSqlite3(path);
  db.prepare('update users set deleted_at = ? where id = ?').run(BEYOND_DOUBLE, bare.id);
  // Many tokens in one transaction: the store's one-commit-per-token would take seconds.
  const insert = db.prepare(
    'insert into personal_access_tokens (id, organization_id, user_id, name, scopes, secret_hash, ' +
      'summary_json, created_at, expires_at) values (@id, @organization_id, @user_id, @name, ' +
      '@scopes, @secret_hash, @summary_json, @created_at, @expires_at)',
  );
  db.transaction(() => {
    for (let i = 0; i < moreTokens; i++) {
      const { last_used_at: _, last_used_address: __, ...row } = tokenToRow(aToken(user));
      insert.run(row);
    }
  })();
  db.close();
  return { path, organizationId: org.id, token: token! };
}
