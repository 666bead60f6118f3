/**
 * Databases left at an older migration, on every backend the tests can reach, for testing what a
 * newer migration does to existing data (SQLite always; PostgreSQL with MAILPAT_TEST_POSTGRES_URL).
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll } from 'vitest';
import {
  createTestDatabase,
  dropTestDatabases,
  testPostgresUrl,
} from '../../postgres/test-support/test-databases.js';
import type { Database } from '../../schema.js';
import { MIGRATIONS } from '../migrations.js';

/** A database at the older migration, and its URL for openStore (which migrates it on). */
export interface LegacyDatabase {
  url: string;
  db: Kysely<Database>;
}

/**
 * `[backend name, make a fresh database migrated up to and including `lastMigration`]` per
 * reachable backend, for `describe.each`. Registers an afterAll that removes them all.
 */
export function legacyDatabases(lastMigration: string): [string, () => Promise<LegacyDatabase>][] {
  const tag = lastMigration.slice(0, 4);
  const root = mkdtempSync(join(tmpdir(), `mailpat-before-${tag}-`));
  const prefix = `mailpat_legacy_${tag}_${process.pid}_`;
  const serverUrl = testPostgresUrl();
  let count = 0;
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    if (serverUrl !== undefined) await dropTestDatabases(serverUrl, prefix);
  });

  const migrate = async (db: Kysely<Database>): Promise<Kysely<Database>> => {
    const provider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) };
    const { error } = await new Migrator({ db, provider }).migrateTo(lastMigration);
    if (error !== undefined) throw error;
    return db;
  };
  const sqlite = async (): Promise<LegacyDatabase> => {
    const path = join(root, `legacy-${count++}.db`);
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: new BetterSqlite3(path) }),
    });
    return { url: `sqlite:${path}`, db: await migrate(db) };
  };
  const postgres = async (): Promise<LegacyDatabase> => {
    const url = await createTestDatabase(serverUrl!, { name: `${prefix}${count++}` });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }),
    });
    return { url, db: await migrate(db) };
  };
  const backends: [string, () => Promise<LegacyDatabase>][] = [['sqlite', sqlite]];
  if (serverUrl !== undefined) backends.push(['PostgreSQL', postgres]);
  return backends;
}
