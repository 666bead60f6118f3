/** A `mailpat serve` killed in the middle of a migration starts cleanly afterwards. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/storage/migrations/migrations.js';
import {
  createTestDatabase,
  testPostgresUrl,
} from '../../src/storage/postgres/test-support/test-databases.js';
import { MAILPAT_BIN, makeDataDir, startMailpat } from '../support/mailpat-process.js';

const PAUSE_HOOK = pathToFileURL(join(import.meta.dirname, '../support/pause-in-migration.mjs'));
// 0002 creates a table, then two indexes: pause before the first index.
const PAUSE_AT = 'create index "token_events_by_organization"';

/** Starts `mailpat serve` with the pause hook and SIGKILLs it once it paused in 0002. */
async function killInsideMigration(dataDir: string, databaseUrl: string | undefined) {
  const marker = join(dataDir, 'paused');
  const child = spawn(
    process.execPath,
    [
      '--import',
      PAUSE_HOOK.href,
      MAILPAT_BIN,
      'serve',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      ...(databaseUrl === undefined ? [] : ['--database', databaseUrl]),
    ],
    {
      env: { ...process.env, MAILPAT_TEST_PAUSE_AT: PAUSE_AT, MAILPAT_TEST_PAUSE_MARKER: marker },
      stdio: 'ignore',
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 300 && !existsSync(marker); i++) await sleep(50);
  expect(existsSync(marker)).toBe(true);
  child.kill('SIGKILL');
  await exited;
}

async function restartAndCheck(dataDir: string, databaseUrl: string | undefined) {
  const server = await startMailpat({ dataDir, databaseUrl });
  try {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  } finally {
    expect(await server.stop()).toBe(0);
  }
}

describe('migrations killed midway', () => {
  it('leave a SQLite database that a clean start migrates completely', async () => {
    const dataDir = makeDataDir();
    await killInsideMigration(dataDir, undefined);
    await restartAndCheck(dataDir, undefined);
    const db = new BetterSqlite3(join(dataDir, 'mailpat.db'), { readonly: true });
    try {
      const names = db.prepare('select name from kysely_migration order by name').pluck().all();
      expect(names).toEqual(Object.keys(MIGRATIONS).sort());
      const indexes = db
        .prepare(
          "select name from sqlite_master where type = 'index' and tbl_name = 'token_events'",
        )
        .pluck()
        .all();
      expect(indexes).toEqual(
        expect.arrayContaining(['token_events_by_organization', 'token_events_by_token']),
      );
    } finally {
      db.close();
    }
  }, 30_000);

  it.skipIf(testPostgresUrl() === undefined)(
    'leave a PostgreSQL database that a clean start migrates completely',
    async () => {
      const databaseUrl = await createTestDatabase(testPostgresUrl()!);
      const dataDir = makeDataDir();
      await killInsideMigration(dataDir, databaseUrl);
      await restartAndCheck(dataDir, databaseUrl);
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const names = await client.query('select name from kysely_migration order by name');
        expect(names.rows.map((r: { name: string }) => r.name)).toEqual(
          Object.keys(MIGRATIONS).sort(),
        );
        const indexes = await client.query(
          "select indexname from pg_indexes where tablename = 'token_events'",
        );
        expect(indexes.rows.map((r: { indexname: string }) => r.indexname)).toEqual(
          expect.arrayContaining(['token_events_by_organization', 'token_events_by_token']),
        );
      } finally {
        await client.end();
      }
    },
    30_000,
  );
});
