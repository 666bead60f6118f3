import { afterAll, describe, expect, it } from 'vitest';
import { skipNotice } from '../../../../../test-support/skip-notice.js';
import { openStore } from '../open-store.js';
import { aToken, aUser, anAdminEvent, anOrganization } from '../store-fixtures.js';
import type { TokenRecord } from '../../domain/records.js';
import { describeStoreContract } from '../store-contract.js';
import { DatabaseUnavailableError, MailDomainTakenError } from '../storage-errors.js';
import {
  HOW_TO_RUN_POSTGRES_TESTS,
  createTestDatabase,
  dropTestDatabases,
  testPostgresUrl,
  withConnection,
} from './test-support/test-databases.js';

const serverUrl = testPostgresUrl();

/** Every database of this file starts with it, so afterAll drops exactly these. */
const DATABASE_PREFIX = `mailpat_store_${process.pid}_`;
let databaseCount = 0;

/** A database nobody has used, like a fresh SQLite file; its collation is not byte order. */
function freshDatabaseUrl(base: string): Promise<string> {
  return createTestDatabase(base, {
    name: `${DATABASE_PREFIX}${databaseCount++}`,
    icuCollation: true,
  });
}

const SKIPPED_NOTICE = `the PostgreSQL store suite ${skipNotice('a PostgreSQL server', HOW_TO_RUN_POSTGRES_TESTS)}`;

if (serverUrl === undefined) {
  describe('PostgreSQL store', () => {
    it.skip(SKIPPED_NOTICE, () => undefined);
  });
} else {
  const base = serverUrl;

  afterAll(() => dropTestDatabases(base, DATABASE_PREFIX));

  describeStoreContract('PostgreSQL', async () => openStore(await freshDatabaseUrl(base)));

  describe('PostgreSQL store', () => {
    it('should report its pool: connections open and idle, none waiting, the configured cap', async () => {
      const store = await openStore(await freshDatabaseUrl(base), { poolSize: 3 });
      try {
        await Promise.all([store.ping(), store.ping()]);
        const { pool } = store.readStats();
        expect(pool).toMatchObject({ waiting: 0, max: 3 });
        expect(pool!.total).toBeGreaterThanOrEqual(1);
        expect(pool!.idle).toBe(pool!.total);
      } finally {
        await store.close();
      }
    });

    it('should keep acknowledged writes across close and reopen', async () => {
      const url = await freshDatabaseUrl(base);
      const first = await openStore(url);
      const org = await first.insertOrganization(anOrganization());
      const user = await first.insertUser(aUser(org.id));
      const record = aToken(user);
      const token = await first.insertToken(record, anAdminEvent(record));
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
      const names = await withConnection(url, async (client) => {
        const { rows } = await client.query<{ name: string }>(
          'select name from kysely_migration order by name',
        );
        return rows.map((row) => row.name);
      });
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
    });

    it('should never leave a token behind for a user deleted concurrently', async () => {
      const url = await freshDatabaseUrl(base);
      const store = await openStore(url);
      const org = anOrganization();
      await store.insertOrganization(org);
      for (let round = 0; round < 20; round++) {
        const user = aUser(org.id);
        await store.insertUser(user);
        const created = (token: TokenRecord) => store.insertToken(token, anAdminEvent(token));
        await Promise.allSettled([
          created(aToken(user)),
          store.deleteUser(org.id, user.id, Date.now()),
          created(aToken(user)),
        ]);
        expect((await store.listTokens(org.id, { userId: user.id, limit: 10 })).items).toEqual([]);
      }
      await store.close();
    });

    it('should keep the latest use when two instances flush the same tokens at once', async () => {
      const url = await freshDatabaseUrl(base);
      const [one, two] = await Promise.all([openStore(url), openStore(url)]);
      const org = anOrganization();
      const user = aUser(org.id);
      await one.insertOrganization(org);
      await one.insertUser(user);
      const tokens = Array.from({ length: 20 }, () => aToken(user));
      for (const token of tokens) await one.insertToken(token, anAdminEvent(token));
      const uses = (base: number, clientAddress: string) =>
        tokens.map((token, index) => ({
          organizationId: org.id,
          tokenId: token.id,
          usedAt: base + index,
          clientAddress,
        }));
      for (let round = 0; round < 10; round++) {
        // Opposite orders, interleaved times: a lost update or a deadlock would show here.
        const early = uses(1_000_000 + round * 100, `10.0.${round}.1`);
        const late = uses(1_000_050 + round * 100, `10.0.${round}.2`).reverse();
        await Promise.all([
          one.recordTokenActivity(round % 2 ? early : late, []),
          two.recordTokenActivity(round % 2 ? late : early, []),
        ]);
        for (const [index, token] of tokens.entries()) {
          expect(await two.getToken(org.id, token.id)).toMatchObject({
            lastUsedAt: 1_000_050 + round * 100 + index,
            lastUsedAddress: `10.0.${round}.2`,
          });
        }
      }
      await Promise.all([one.close(), two.close()]);
    });

    it('should write admin events and flushed uses of two instances at once without a deadlock', async () => {
      const url = await freshDatabaseUrl(base);
      const [one, two] = await Promise.all([openStore(url), openStore(url)]);
      const org = anOrganization();
      const user = aUser(org.id);
      await one.insertOrganization(org);
      await one.insertUser(user);
      const tokens = Array.from({ length: 30 }, () => aToken(user));
      for (const token of tokens.slice(0, 20)) await one.insertToken(token, anAdminEvent(token));
      const used = (token: TokenRecord) => ({
        organizationId: org.id,
        tokenId: token.id,
        usedAt: 5,
        clientAddress: '10.0.0.1',
      });
      // Each write locks token rows and then appends events: one order everywhere.
      await Promise.all([
        ...tokens.slice(20).map((token) => two.insertToken(token, anAdminEvent(token))),
        ...tokens
          .slice(0, 10)
          .map((token) => one.deleteToken(org.id, token.id, anAdminEvent(token, 'DELETED', 6))),
        ...tokens
          .slice(10, 20)
          .map((token) =>
            two.replaceTokenSecret(
              org.id,
              token.id,
              `${token.secretHash.slice(1)}x`,
              7,
              anAdminEvent(token, 'ROTATED', 7),
            ),
          ),
        one.recordTokenActivity(tokens.slice(0, 20).map(used), []),
        two.recordTokenActivity([...tokens].reverse().map(used), []),
      ]);
      const events = await one.listTokenEvents(org.id, { limit: 100 });
      expect(events.items.map((event) => event.type).sort()).toEqual(
        [
          ...Array<string>(30).fill('CREATED'),
          ...Array<string>(10).fill('DELETED'),
          ...Array<string>(10).fill('ROTATED'),
        ].sort(),
      );
      await Promise.all([one.close(), two.close()]);
    });

    it('should write one DELETED event per token when deletes and flushes of two instances race', async () => {
      const url = await freshDatabaseUrl(base);
      const [one, two] = await Promise.all([openStore(url), openStore(url)]);
      const org = anOrganization();
      await one.insertOrganization(org);
      for (let round = 0; round < 5; round++) {
        const user = aUser(org.id);
        await one.insertUser(user);
        const tokens = Array.from({ length: 20 }, () => aToken(user));
        for (const token of tokens) await one.insertToken(token, anAdminEvent(token));
        const used = tokens.map((token) => ({
          organizationId: org.id,
          tokenId: token.id,
          usedAt: 5,
          clientAddress: '10.0.0.1',
        }));
        // Token rows locked in opposite orders by the flush and by the user's delete: a wait,
        // never a deadlock; each token's DELETED once, by whichever delete removed it.
        await Promise.all([
          two.recordTokenActivity([...used].reverse(), []),
          ...tokens
            .slice(0, 10)
            .map((token) => two.deleteToken(org.id, token.id, anAdminEvent(token, 'DELETED', 6))),
          one.deleteUser(org.id, user.id, 7),
          one.recordTokenActivity(used, []),
        ]);
        const deleted = (await one.listUserTokenEvents(org.id, user.id, 100))
          .filter((event) => event.type === 'DELETED')
          .map((event) => event.tokenId);
        expect(deleted.sort()).toEqual(tokens.map((token) => token.id).sort());
      }
      await Promise.all([one.close(), two.close()]);
    });

    it('should give a domain to one of two organizations inserted at once by two instances', async () => {
      const url = await freshDatabaseUrl(base);
      const [one, two] = await Promise.all([openStore(url), openStore(url)]);
      for (let round = 0; round < 10; round++) {
        const [x, y] = [`x${round}.example`, `y${round}.example`];
        // Overlapping domains claimed in opposite orders: a wait, never a deadlock.
        const outcomes = await Promise.allSettled([
          one.insertOrganization(anOrganization({ domains: [x, y] })),
          two.insertOrganization(anOrganization({ domains: [y.toUpperCase(), x] })),
        ]);
        expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
        const refused = outcomes.find((o) => o.status === 'rejected')!;
        expect(refused.reason).toBeInstanceOf(MailDomainTakenError);
      }
      await Promise.all([one.close(), two.close()]);
    });

    it('should give an address to one of two users of two organizations at once', async () => {
      const url = await freshDatabaseUrl(base);
      const [one, two] = await Promise.all([openStore(url), openStore(url)]);
      const orgs = [anOrganization(), anOrganization()];
      for (const org of orgs) await one.insertOrganization(org);
      for (let round = 0; round < 10; round++) {
        const users = orgs.map((org) => aUser(org.id, { email: null, state: 'DISABLED' }));
        for (const user of users) await one.insertUser(user);
        const email = `shared${round}@example.com`;
        const outcomes = await Promise.allSettled(
          [one, two].map((store, i) =>
            store.updateUser(orgs[i]!.id, users[i]!.id, { email, state: 'ENABLED' }),
          ),
        );
        expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
        const refused = outcomes.find((o) => o.status === 'rejected')!;
        expect(refused.reason).toMatchObject({ constraint: 'users_email' });
      }
      await Promise.all([one.close(), two.close()]);
    });

    it('should report a server that refuses connections as DatabaseUnavailableError', async () => {
      // Port 1 on localhost: nothing listens there.
      await expect(openStore('postgres://postgres@127.0.0.1:1/postgres')).rejects.toBeInstanceOf(
        DatabaseUnavailableError,
      );
    });
  });
}
