import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { aToken, aUser, anOrganization } from '../store-fixtures.js';
import { describeStoreContract } from '../store-contract.js';
import { DatabaseUnavailableError } from '../storage-errors.js';

/** The server the suite runs on, e.g. what scripts/start-test-postgres.sh prints. */
const serverUrl = process.env.MAILPAT_TEST_POSTGRES_URL;

/** Databases this file created, dropped at the end. */
const created: string[] = [];

/**
 * A database nobody has used, on the test server: one per store, like a fresh SQLite file. Its
 * collation is ICU en-US, which sorts '-' and '_' unlike byte order, so the suite proves that
 * keyset order does not depend on the database's collation.
 */
async function freshDatabaseUrl(base: string): Promise<string> {
  const name = `mailpat_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(base, (client) =>
    client.query(
      `create database ${name} template template0 locale_provider icu icu_locale 'en-US'`,
    ),
  );
  created.push(name);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(base: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const SKIPPED_NOTICE =
  'SKIPPED: the PostgreSQL store suite did not run. Set MAILPAT_TEST_POSTGRES_URL ' +
  '(e.g. MAILPAT_TEST_POSTGRES_URL=$(scripts/start-test-postgres.sh) npm test)';

if (serverUrl === undefined || serverUrl === '') {
  // The reporter lists a skipped test only by count; the notice also goes to stderr.
  process.stderr.write(`\n*** ${SKIPPED_NOTICE} ***\n\n`);
  describe('PostgreSQL store', () => {
    it.skip(SKIPPED_NOTICE, () => undefined);
  });
} else {
  const base = serverUrl;

  afterAll(async () => {
    await withAdmin(base, async (client) => {
      for (const name of created)
        await client.query(`drop database if exists ${name} with (force)`);
    });
  });

  describeStoreContract('PostgreSQL', async () => openStore(await freshDatabaseUrl(base)));

  describe('PostgreSQL store', () => {
    it('should keep acknowledged writes across close and reopen', async () => {
      const url = await freshDatabaseUrl(base);
      const org = anOrganization();
      const user = aUser(org.id);
      const token = aToken(user);
      const first = await openStore(url);
      await first.insertOrganization(org);
      await first.insertUser(user);
      await first.insertToken(token);
      await first.close();

      const second = await openStore(url);
      expect(await second.getOrganization(org.id)).toEqual(org);
      expect(await second.findTokenBySecretHash(token.secretHash)).toEqual(token);
      await second.close();
    });

    it('should migrate once when several instances start at the same time', async () => {
      const url = await freshDatabaseUrl(base);
      const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(url)));
      await Promise.all(stores.map((store) => store.close()));
      const names = await withAdmin(url, async (client) => {
        const { rows } = await client.query<{ name: string }>(
          'select name from kysely_migration order by name',
        );
        return rows.map((row) => row.name);
      });
      expect(names).toEqual(['0001-initial', '0002-token-events']);
    });

    it('should never leave a token behind for a user deleted concurrently', async () => {
      const url = await freshDatabaseUrl(base);
      const store = await openStore(url);
      const org = anOrganization();
      await store.insertOrganization(org);
      for (let round = 0; round < 20; round++) {
        const user = aUser(org.id);
        await store.insertUser(user);
        await Promise.allSettled([
          store.insertToken(aToken(user)),
          store.deleteUser(org.id, user.id, Date.now()),
          store.insertToken(aToken(user)),
        ]);
        expect((await store.listTokens(org.id, { userId: user.id, limit: 10 })).items).toEqual([]);
      }
      await store.close();
    });

    it('should report a server that refuses connections as DatabaseUnavailableError', async () => {
      // Port 1 on localhost: nothing listens there.
      await expect(openStore('postgres://postgres@127.0.0.1:1/postgres')).rejects.toBeInstanceOf(
        DatabaseUnavailableError,
      );
    });
  });
}
