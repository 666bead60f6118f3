import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { aToken, aUser, anAdminEvent, anOrganization } from '../store-fixtures.js';
import { describeStoreContract } from '../store-contract.js';
import { DatabaseUnavailableError } from '../storage-errors.js';

const root = mkdtempSync(join(tmpdir(), 'mailpat-sqlite-store-'));
let files = 0;

/** A path for a database file nobody has used, in a folder that does not exist yet. */
function freshDatabasePath(): string {
  files += 1;
  return join(root, `case-${files}`, 'mailpat.db');
}

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describeStoreContract('sqlite', () => openStore(`sqlite:${freshDatabasePath()}`));

describe('SQLite store', () => {
  it('should keep acknowledged writes across close and reopen', async () => {
    const path = freshDatabasePath();
    const first = await openStore(`sqlite:${path}`);
    const org = await first.insertOrganization(anOrganization());
    const user = await first.insertUser(aUser(org.id));
    const record = aToken(user);
    const token = await first.insertToken(record, anAdminEvent(record));
    await first.close();

    const second = await openStore(`sqlite://${path}`);
    expect(await second.getOrganization(org.id)).toEqual(org);
    expect(await second.getUser(org.id, user.id)).toEqual(user);
    expect(await second.findTokenBySecretHash(token.secretHash)).toEqual(token);
    await second.close();
  });

  it('should open the file in WAL mode with full sync and foreign keys on', async () => {
    const path = freshDatabasePath();
    const store = await openStore(path);
    await store.ping();
    const raw = new BetterSqlite3(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    await store.close();
  });

  it('should apply each migration once, however often it is reopened', async () => {
    const path = freshDatabasePath();
    await (await openStore(`sqlite:${path}`)).close();
    await (await openStore(`sqlite:${path}`)).close();
    const raw = new BetterSqlite3(path, { readonly: true });
    const names = raw.prepare('select name from kysely_migration order by name').pluck().all();
    const indexes = raw
      .prepare("select name from sqlite_master where type = 'index' and name not like 'sqlite_%'")
      .pluck()
      .all();
    raw.close();
    expect(names).toEqual([
      '0001-initial',
      '0002-token-events',
      '0003-mail-domains',
      '0004-token-event-time',
      '0005-web-sessions',
      '0006-token-activity',
      '0007-single-sign-on',
      '0008-expiry-warnings',
    ]);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'organizations_alias',
        'users_name',
        'users_email',
        'tokens_secret_hash',
        'tokens_keyset',
        'tokens_user_keyset',
        'users_keyset',
        'organizations_keyset',
        'token_events_by_organization',
        'token_events_by_token',
        'token_events_by_time',
        'oidc_login_states_by_time',
        'token_events_by_user',
        'mail_domains_organization',
        'web_sessions_by_last_seen',
        'web_sessions_by_created',
        'web_sessions_by_user',
      ]),
    );
  });

  it("should read a user's latest events by seeking token_events_by_user", async () => {
    const path = freshDatabasePath();
    await (await openStore(`sqlite:${path}`)).close();
    const raw = new BetterSqlite3(path, { readonly: true });
    // The query listUserTokenEvents sends: a seek, and no sort step (the index gives the order).
    const plan = raw
      .prepare(
        'explain query plan select * from token_events where organization_id = ? and user_id = ? ' +
          'order by sequence desc limit ?',
      )
      .all('m-1', 'u-1', 10)
      .map((row) => (row as { detail: string }).detail);
    raw.close();
    expect(plan).toEqual([
      'SEARCH token_events USING INDEX token_events_by_user (organization_id=? AND user_id=?)',
    ]);
  });

  it('should report a file it cannot open as DatabaseUnavailableError', async () => {
    const path = freshDatabasePath();
    // A directory where the database file should be.
    await (await openStore(`sqlite:${path}`)).close();
    await expect(openStore(`sqlite:${join(path, '..')}`)).rejects.toBeInstanceOf(
      DatabaseUnavailableError,
    );
  });

  it('should count a call that met a lock past its deadline as an unavailable database', async () => {
    const path = freshDatabasePath();
    const store = await openStore(`sqlite:${path}`);
    const raw = new BetterSqlite3(path);
    raw.exec('begin immediate');
    try {
      await expect(store.insertOrganization(anOrganization())).rejects.toBeInstanceOf(
        DatabaseUnavailableError,
      );
      expect(store.readStats()).toEqual({
        errors: { unavailable: 1, fault: 0, other: 0 },
        pool: undefined,
      });
    } finally {
      raw.exec('rollback');
      raw.close();
      await store.close();
    }
  });

  it('should count tokens by state from indexes alone, never reading the wide rows', async () => {
    const path = freshDatabasePath();
    await (await openStore(`sqlite:${path}`)).close();
    const raw = new BetterSqlite3(path, { readonly: true });
    // The statements token-count-queries.ts sends.
    const planOf = (query: string, ...params: number[]) =>
      raw
        .prepare(`explain query plan ${query}`)
        .all(...params)
        .map((row) => (row as { detail: string }).detail);
    const total = planOf('select count(*) as "count" from "personal_access_tokens"');
    const expired = planOf(
      'select count(*) as "count" from "personal_access_tokens" where "expires_at" <= ?',
      Date.now(),
    );
    raw.close();
    expect(total).toEqual([expect.stringMatching(/USING COVERING INDEX/)]);
    expect(expired).toEqual([
      expect.stringMatching(
        /USING COVERING INDEX personal_access_tokens_by_expiry \(expires_at<\?\)/,
      ),
    ]);
  });
});
