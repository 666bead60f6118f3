import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { organizationToRow } from '../rows/organization-rows.js';
import { tokenToRow } from '../rows/token-rows.js';
import { userToRow } from '../rows/user-rows.js';
import type { Database } from '../schema.js';
import { aToken, aUser, anOrganization } from '../store-fixtures.js';
import {
  createTestDatabase,
  dropTestDatabases,
  testPostgresUrl,
} from '../postgres/test-support/test-databases.js';
import { MIGRATIONS } from './migrations.js';

/** A database at 0004-token-event-time, as mailpat left it before 0006, and its URL. */
interface LegacyDatabase {
  url: string;
  db: Kysely<Database>;
}

const root = mkdtempSync(join(tmpdir(), 'mailpat-0006-'));
const DATABASE_PREFIX = `mailpat_0006_${process.pid}_`;
let count = 0;
const serverUrl = testPostgresUrl();

afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  if (serverUrl !== undefined) await dropTestDatabases(serverUrl, DATABASE_PREFIX);
});

const backends: [string, () => Promise<LegacyDatabase>][] = [['sqlite', legacySqlite]];
if (serverUrl !== undefined) backends.push(['PostgreSQL', legacyPostgres]);

async function legacySqlite(): Promise<LegacyDatabase> {
  const path = join(root, `legacy-${count++}.db`);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new BetterSqlite3(path) }),
  });
  return { url: `sqlite:${path}`, db: await migrateTo0004(db) };
}

async function legacyPostgres(): Promise<LegacyDatabase> {
  const url = await createTestDatabase(serverUrl!, { name: `${DATABASE_PREFIX}${count++}` });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }),
  });
  return { url, db: await migrateTo0004(db) };
}

async function migrateTo0004(db: Kysely<Database>): Promise<Kysely<Database>> {
  const provider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) };
  const { error } = await new Migrator({ db, provider }).migrateTo('0004-token-event-time');
  if (error !== undefined) throw error;
  return db;
}

describe.each(backends)('migration 0006-token-activity (%s)', (_name, makeLegacy) => {
  it('should name the events of existing tokens and leave the others unnamed', async () => {
    const { url, db } = await makeLegacy();
    const org = anOrganization();
    const user = aUser(org.id);
    const token = aToken(user, { name: 'Old phone', lastUsedAt: 42 });
    await db.insertInto('organizations').values(organizationToRow(org)).execute();
    await db.insertInto('users').values(userToRow(user)).execute();
    const { last_used_address: _, ...legacyRow } = tokenToRow(token);
    await db.insertInto('personal_access_tokens').values(legacyRow).execute();
    const event = (tokenId: string, at: number) => ({
      organization_id: org.id,
      token_id: tokenId,
      user_id: user.id,
      type: 'USED',
      at,
      client_address: '192.0.2.1',
    });
    await db
      .insertInto('token_events')
      .values([event(token.id, 1), event('pat-gone', 2)])
      .execute();
    await db.destroy();

    const store = await openStore(url);
    expect(await store.getToken(org.id, token.id)).toEqual(token);
    const events = await store.listUserTokenEvents(org.id, user.id, 10);
    expect(events.map((e) => [e.tokenId, e.tokenName])).toEqual([
      ['pat-gone', null],
      [token.id, 'Old phone'],
    ]);
    await store.close();
  });
});
