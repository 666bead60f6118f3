import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { skipNotice } from '../../../../../test-support/skip-notice.js';
import { openStore } from '../open-store.js';
import {
  HOW_TO_RUN_POSTGRES_TESTS,
  createTestDatabase,
  dropTestDatabases,
  testPostgresUrl,
  withConnection,
} from '../postgres/test-support/test-databases.js';
import { anAdminEvent, aToken } from '../store-fixtures.js';
import { MigrateFailedError, MigrateRefusedError } from './migrate-errors.js';
import { migrateSqliteToPostgres } from './migrate-to-postgres.js';
import { BEYOND_DOUBLE, SETTING_KEYS, makeSourceDatabase } from './test-support/source-database.js';

const serverUrl = testPostgresUrl();
const DATABASE_PREFIX = `mailpat_migrate_${process.pid}_`;
let databaseCount = 0;

/** An empty database whose collation is not byte order (keys must still be copied in order). */
function emptyTarget(base: string): Promise<string> {
  const name = `${DATABASE_PREFIX}${databaseCount++}`;
  return createTestDatabase(base, { name, icuCollation: true });
}

/** Every row of every table, integers as bigint, ordered by the first column, as byte order. */
async function postgresRows(url: string): Promise<Record<string, unknown[][]>> {
  const types = new pg.TypeOverrides();
  types.setTypeParser(20, 'text', BigInt);
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  try {
    const tables: Record<string, unknown[][]> = {};
    for (const name of await tableNames(client)) {
      // Text keys in byte order, as SQLite sorts them; the event sequence is an integer.
      const { fields } = await client.query(`select * from ${name} limit 0`);
      const first = `"${fields[0]!.name}"`;
      const order = name === 'token_events' ? first : `${first} collate "C"`;
      const { rows } = await client.query<unknown[]>({
        text: `select * from ${name} order by ${order}`,
        rowMode: 'array',
      });
      tables[name] = rows.map((row) => row.map((v) => (typeof v === 'number' ? BigInt(v) : v)));
    }
    return tables;
  } finally {
    await client.end();
  }
}

async function tableNames(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_name not like 'kysely%' order by 1`,
  );
  return rows.map((row) => row.name);
}

function sqliteRows(path: string, names: readonly string[]): Record<string, unknown[][]> {
  const db = new BetterSqlite3(path, { readonly: true });
  db.defaultSafeIntegers(true);
  try {
    return Object.fromEntries(
      names.map((name) => [name, db.prepare(`select * from ${name} order by 1`).raw(true).all()]),
    ) as Record<string, unknown[][]>;
  } finally {
    db.close();
  }
}

async function rowCounts(url: string): Promise<Record<string, number>> {
  return withConnection(url, async (client) => {
    const counts: Record<string, number> = {};
    for (const name of await tableNames(client as pg.Client)) {
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${name}`);
      counts[name] = Number(rows[0]!.n);
    }
    return counts;
  });
}

const isEmpty = (counts: Record<string, number>) => Object.values(counts).every((n) => n === 0);

if (serverUrl === undefined) {
  describe('migrateSqliteToPostgres', () => {
    it.skip(`copies SQLite into PostgreSQL ${skipNotice('a PostgreSQL server', HOW_TO_RUN_POSTGRES_TESTS)}`, () =>
      undefined);
  });
} else {
  const base = serverUrl;
  afterAll(() => dropTestDatabases(base, DATABASE_PREFIX));

  describe('migrateSqliteToPostgres', () => {
    it('copies every row of every table exactly, and reports what it verified', async () => {
      const source = await makeSourceDatabase();
      const url = await emptyTarget(base);
      const report = await migrateSqliteToPostgres({ sqlitePath: source.path, postgresUrl: url });

      const target = await postgresRows(url);
      expect(target).toEqual(sqliteRows(source.path, Object.keys(target)));
      expect(Object.keys(target)).toHaveLength(10);
      expect(target.settings!.map((row) => row[0])).toEqual(
        ['-dash', ...SETTING_KEYS.slice(1), 'empty'].sort(byBytes),
      );
      expect(target.users!.flat()).toContain(BEYOND_DOUBLE);
      const counts = Object.fromEntries(report.tables.map((t) => [t.name, t.rows]));
      expect(counts).toMatchObject({ organizations: 2, users: 2, personal_access_tokens: 3 });
      expect(report.tables.map((t) => t.name).indexOf('organizations')).toBeLessThan(
        report.tables.map((t) => t.name).indexOf('users'),
      );
    });

    it('leaves a store that reads the same records and continues the event sequence', async () => {
      const source = await makeSourceDatabase();
      const url = await emptyTarget(base);
      await migrateSqliteToPostgres({ sqlitePath: source.path, postgresUrl: url });
      const before = await openStore(`sqlite:${source.path}`);
      const after = await openStore(url);
      try {
        const { organizationId, token } = source;
        expect(await after.getToken(organizationId, token.id)).toEqual(
          await before.getToken(organizationId, token.id),
        );
        const copied = await after.listTokenEvents(organizationId, { limit: 100 });
        const record = aToken({ id: token.userId, organizationId });
        await after.insertToken(record, anAdminEvent(record));
        const events = await after.listTokenEvents(organizationId, { limit: 100 });
        expect(events.items.at(-1)?.tokenId).toBe(record.id);
        expect(events.items).toHaveLength(copied.items.length + 1);
      } finally {
        await before.close();
        await after.close();
      }
    });

    it('copies types mailpat does not use yet: bytes, booleans, reals, JSON, generated, identity', async () => {
      const source = await makeSourceDatabase();
      const sqlite = new BetterSqlite3(source.path);
      sqlite.exec(`create table extra_types (id integer primary key, data blob, flag integer,
        ratio real, doc text, doubled integer generated always as (id * 2) virtual)`);
      const insert = sqlite.prepare(
        'insert into extra_types (id, data, flag, ratio, doc) values (?, ?, ?, ?, ?)',
      );
      insert.run(1, Buffer.from([0, 1, 254, 255]), 1, 0.1, '{"b":  1, "a": [true, null]}');
      insert.run(2, null, 0, -2.5e-300, null);
      insert.run(3, Buffer.alloc(0), null, null, '"just a string"');
      sqlite.close();
      const url = await emptyTarget(base);
      await (await openStore(url)).close();
      await withConnection(url, (client) =>
        client.query(`create table extra_types (
          id bigint generated always as identity primary key, data bytea, flag boolean,
          ratio double precision, doc json, doubled bigint generated always as (id * 2) stored)`),
      );

      await migrateSqliteToPostgres({ sqlitePath: source.path, postgresUrl: url });
      const { rows } = await withConnection(url, (client) =>
        client.query(`select id::int, data, flag, ratio, doc::text, doubled::int
          from extra_types order by id`),
      );
      expect(rows).toEqual([
        {
          id: 1,
          data: Buffer.from([0, 1, 254, 255]),
          flag: true,
          ratio: 0.1,
          doc: '{"b":  1, "a": [true, null]}',
          doubled: 2,
        },
        { id: 2, data: null, flag: false, ratio: -2.5e-300, doc: null, doubled: 4 },
        {
          id: 3,
          data: Buffer.alloc(0),
          flag: null,
          ratio: null,
          doc: '"just a string"',
          doubled: 6,
        },
      ]);
      const next = await withConnection(url, (client) =>
        client.query('insert into extra_types default values returning id::int as id'),
      );
      expect(next.rows).toEqual([{ id: 4 }]);
    });

    it('refuses a target with rows, naming the table, and writes nothing', async () => {
      const source = await makeSourceDatabase();
      const url = await emptyTarget(base);
      await withConnection(url, (client) =>
        client.query('create table notes (id int primary key); insert into notes values (1)'),
      );
      const refused = migrateSqliteToPostgres({ sqlitePath: source.path, postgresUrl: url });
      await expect(refused).rejects.toThrow(MigrateRefusedError);
      await expect(refused).rejects.toThrow(/table notes has rows/);
      expect(await rowCounts(url)).toEqual({ notes: 1 }); // not even migrated
    });

    it('refuses a target already holding mailpat data', async () => {
      const source = await makeSourceDatabase();
      const url = await emptyTarget(base);
      await migrateSqliteToPostgres({ sqlitePath: source.path, postgresUrl: url });
      const counts = await rowCounts(url);
      await expect(
        migrateSqliteToPostgres({ sqlitePath: source.path, postgresUrl: url }),
      ).rejects.toThrow(/the target database is not empty: table \w+ has rows/);
      expect(await rowCounts(url)).toEqual(counts);
    });

    it('rolls everything back when an insert fails midway, and a rerun then succeeds', async () => {
      const source = await makeSourceDatabase(2500);
      const url = await emptyTarget(base);
      await (await openStore(url)).close(); // migrated, so the failure can be planted
      await withConnection(url, (client) =>
        client.query(`
          create function fail_late() returns trigger language plpgsql as $$
          begin
            if (select count(*) from personal_access_tokens) >= 2000 then
              raise exception 'injected failure';
            end if;
            return new;
          end $$;
          create trigger fail_late before insert on personal_access_tokens
            for each row execute function fail_late();`),
      );
      const failed = migrateSqliteToPostgres({ sqlitePath: source.path, postgresUrl: url });
      await expect(failed).rejects.toThrow(MigrateFailedError);
      await expect(failed).rejects.toThrow(
        /copying personal_access_tokens failed, nothing was written: injected failure/,
      );
      expect(isEmpty(await rowCounts(url))).toBe(true);

      await withConnection(url, (client) =>
        client.query('drop trigger fail_late on personal_access_tokens'),
      );
      const report = await migrateSqliteToPostgres({ sqlitePath: source.path, postgresUrl: url });
      expect(report.tables.find((t) => t.name === 'personal_access_tokens')?.rows).toBe(2503);
    });

    it('fails verification when the copy differs from the source, naming the table', async () => {
      const source = await makeSourceDatabase();
      const url = await emptyTarget(base);
      await (await openStore(url)).close();
      await withConnection(url, (client) =>
        client.query(`
          create function alter_name() returns trigger language plpgsql as $$
          begin new.name := new.name || '!'; return new; end $$;
          create trigger alter_name before insert on personal_access_tokens
            for each row execute function alter_name();`),
      );
      const failed = migrateSqliteToPostgres({ sqlitePath: source.path, postgresUrl: url });
      await expect(failed).rejects.toThrow(/verification failed for table personal_access_tokens/);
      await expect(failed).rejects.toMatchObject({ table: 'personal_access_tokens' });
      expect(isEmpty(await rowCounts(url))).toBe(true);
    });

    it('refuses a source at an older schema, and a file mailpat did not write', async () => {
      const source = await makeSourceDatabase();
      const db = new BetterSqlite3(source.path);
      db.prepare("delete from kysely_migration where name = '0008-expiry-warnings'").run();
      db.close();
      const url = await emptyTarget(base);
      await expect(
        migrateSqliteToPostgres({ sqlitePath: source.path, postgresUrl: url }),
      ).rejects.toThrow(
        /older schema \(missing 0008-expiry-warnings\): start this version's `mailpat serve`/,
      );

      const foreign = new BetterSqlite3(`${source.path}.other`);
      foreign.exec('create table t (x)');
      foreign.close();
      await expect(
        migrateSqliteToPostgres({ sqlitePath: `${source.path}.other`, postgresUrl: url }),
      ).rejects.toThrow(/is not a mailpat database/);
      expect(await rowCounts(url)).toEqual({});
    });
  });
}

function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
