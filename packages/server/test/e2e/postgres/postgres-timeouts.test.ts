/**
 * A lock held by another session, or a PostgreSQL that stops answering, cannot pin mailpat's
 * pool: requests answer 503 ServiceUnavailableException within the configured timeouts, and
 * the next request after the fault ends works, without a restart.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameUnless, skipNotice } from '../../../../../test-support/skip-notice.js';
import {
  createTestDatabase,
  testPostgresUrl,
  withConnection,
} from '../../../src/storage/postgres/test-support/test-databases.js';
import { MP, WM, createOrgWithUsers, createToken } from '../../support/fixtures.js';
import { E2E_DATABASE_PREFIX, startMailpat } from '../../support/mailpat-process.js';
import type { MailpatProcess } from '../../support/mailpat-process.js';
import {
  privatePostgresUnavailable,
  startPrivatePostgres,
} from '../../support/private-postgres.js';
import type { PrivatePostgres } from '../../support/private-postgres.js';
import { sendSigned } from '../../support/signed-request.js';

const TIMEOUT_ENV = {
  MAILPAT_DATABASE_STATEMENT_TIMEOUT_MS: '1000',
  MAILPAT_DATABASE_QUERY_TIMEOUT_MS: '1500',
};
/** Bounds with a wide margin for a loaded machine; the measured figures are printed. */
const LOCK_BOUND_MS = 6_000;
const HUNG_BOUND_MS = 15_000;

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: Math.round(performance.now() - start) };
}

describe('a lock held by another session', () => {
  let server: MailpatProcess;
  let databaseUrl: string;

  beforeAll(async () => {
    const serverUrl = testPostgresUrl();
    if (serverUrl === undefined) throw new Error('needs MAILPAT_TEST_POSTGRES_URL');
    const name = `${E2E_DATABASE_PREFIX}timeouts_${randomBytes(4).toString('hex')}`;
    databaseUrl = await createTestDatabase(serverUrl, { name });
    server = await startMailpat({ databaseUrl, env: TIMEOUT_ENV });
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  it('should answer 503 within the statement timeout, then work once the lock is gone', async () => {
    const org = await createOrgWithUsers(server, 1);
    const token = await createToken(server, org.organizationId, org.users[0]!.id);
    const input = { OrganizationId: org.organizationId, PersonalAccessTokenId: token.id };
    await withConnection(databaseUrl, async (holder) => {
      await holder.query('begin');
      await holder.query('select id from personal_access_tokens where id = $1 for update', [
        token.id,
      ]);
      const rotate = await timed(() => sendSigned(server, MP('RotatePersonalAccessToken'), input));
      const remove = await timed(() => sendSigned(server, WM('DeletePersonalAccessToken'), input));
      console.log(`lock held: rotate 503 after ${rotate.ms} ms, delete after ${remove.ms} ms`);
      for (const { value, ms } of [rotate, remove]) {
        expect(value.status).toBe(503);
        expect(value.body.__type).toBe('ServiceUnavailableException');
        expect(ms).toBeLessThan(LOCK_BOUND_MS);
      }
      await holder.query('rollback');
    });
    const rotated = await sendSigned(server, MP('RotatePersonalAccessToken'), input);
    expect(rotated.status).toBe(200);
    const deleted = await sendSigned(server, WM('DeletePersonalAccessToken'), input);
    expect(deleted.status).toBe(200);
  });
});

const unavailable = privatePostgresUnavailable();

describe.skipIf(unavailable !== undefined)(
  nameUnless(
    unavailable === undefined,
    'a PostgreSQL that stops answering',
    skipNotice('a private PostgreSQL cluster', unavailable ?? ''),
  ),
  () => {
    let postgres: PrivatePostgres;
    let server: MailpatProcess;

    beforeAll(async () => {
      postgres = await startPrivatePostgres();
      server = await startMailpat({ databaseUrl: postgres.url, env: TIMEOUT_ENV });
    });
    afterAll(async () => {
      expect(await server?.stop()).toBe(0);
      await postgres?.destroy();
    });

    it('should answer 503 within the client timeout and recover after SIGCONT', async () => {
      const org = await createOrgWithUsers(server, 1);
      const list = () =>
        sendSigned(server, WM('ListPersonalAccessTokens'), { OrganizationId: org.organizationId });
      expect((await list()).status).toBe(200);
      const pids = await clusterPids(postgres.url);
      signal(pids, 'SIGSTOP');
      try {
        const read = await timed(list);
        const write = await timed(() =>
          createToken(server, org.organizationId, org.users[0]!.id).catch((e: Error) => e),
        );
        const health = await timed(() => fetch(new URL('/healthz', server.url)));
        console.log(
          `server stopped: list 503 after ${read.ms} ms, create after ${write.ms} ms, /healthz after ${health.ms} ms`,
        );
        expect(read.value.status).toBe(503);
        expect(read.value.body.__type).toBe('ServiceUnavailableException');
        expect(String(write.value)).toContain('503');
        expect(health.value.status).toBe(503);
        for (const { ms } of [read, write, health]) expect(ms).toBeLessThan(HUNG_BOUND_MS);
      } finally {
        signal(pids, 'SIGCONT');
      }
      await expect
        .poll(async () => (await fetch(new URL('/healthz', server.url))).status, {
          timeout: 20_000,
        })
        .toBe(200);
      expect((await list()).status).toBe(200);
      await createToken(server, org.organizationId, org.users[0]!.id, 'after');
    });
  },
);

/** The postmaster and every process it started (backends, background workers). */
async function clusterPids(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const file = await client.query<{ text: string }>(
      "select pg_read_file('postmaster.pid') as text",
    );
    const backends = await client.query<{ pid: number }>('select pid from pg_stat_activity');
    const postmaster = Number(file.rows[0]!.text.split('\n')[0]);
    return [postmaster, ...backends.rows.map((row) => row.pid)];
  } finally {
    await client.end();
  }
}

function signal(pids: number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // A backend that ended meanwhile (e.g. the one that answered clusterPids).
    }
  }
}
