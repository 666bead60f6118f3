/**
 * Databases for tests on the PostgreSQL server named by MAILPAT_TEST_POSTGRES_URL
 * (what scripts/test-postgres.sh prints): one fresh database per store or server under test.
 * @module
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The environment variable naming the test server, e.g. `postgres://postgres@127.0.0.1:55432/postgres`. */
export const TEST_POSTGRES_URL_ENV = 'MAILPAT_TEST_POSTGRES_URL';

/** The test server's URL, or undefined when the PostgreSQL tests are to be skipped. */
export function testPostgresUrl(): string | undefined {
  return process.env[TEST_POSTGRES_URL_ENV] || undefined;
}

/** How to run the PostgreSQL tests, for the loud notice a skipping suite prints. */
export const HOW_TO_RUN_POSTGRES_TESTS =
  `set ${TEST_POSTGRES_URL_ENV}, e.g. ` +
  `${TEST_POSTGRES_URL_ENV}=$(scripts/test-postgres.sh start) npm test`;

export interface TestDatabaseOptions {
  /** The database name; a random `mailpat_test_...` one by default. */
  name?: string;
  /**
   * ICU en-US sorts '-' and '_' unlike byte order: a store that works on such a database proves
   * that keyset order does not depend on the database's collation.
   */
  icuCollation?: boolean;
}

/** Creates a database on the server at `serverUrl` (kept if it exists) and returns its URL. */
export async function createTestDatabase(
  serverUrl: string,
  options: TestDatabaseOptions = {},
): Promise<string> {
  const name = options.name ?? `mailpat_test_${randomBytes(6).toString('hex')}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const collation = options.icuCollation
    ? " template template0 locale_provider icu icu_locale 'en-US'"
    : '';
  await withConnection(serverUrl, async (client) => {
    try {
      await client.query(`create database ${name}${collation}`);
    } catch (error) {
      // 42P04 duplicate_database: a restarted server under test reuses its database.
      if ((error as { code?: string }).code !== '42P04') throw error;
    }
  });
  return databaseUrl(serverUrl, name);
}

/** Drops every database whose name starts with `prefix` (test databases only). */
export async function dropTestDatabases(serverUrl: string, prefix: string): Promise<void> {
  await withConnection(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists ${datname} with (force)`);
    }
  });
}

/** The URL of database `name` on the server at `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `use` on one connection to `url`, closed afterwards. */
export async function withConnection<T>(
  url: string,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
