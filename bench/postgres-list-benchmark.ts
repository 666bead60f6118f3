/**
 * `npm run bench:postgres`: the list benchmark (ListPersonalAccessTokens, MaxResults=100, signed,
 * 100,000 tokens, wrk) on PostgreSQL with one instance and with two instances behind one
 * database, each as a ratio to SQLite in the same run; then the deep page against the first page
 * on PostgreSQL with 1,000,000 tokens. Prints a JSON report.
 *
 * Needs a PostgreSQL server: BENCH_POSTGRES_URL or MAILPAT_TEST_POSTGRES_URL (for example what
 * `scripts/test-postgres.sh start` prints). The benchmark creates its own database and drops it.
 * BENCH_TOKENS, BENCH_DEEP_TOKENS, BENCH_DURATION (wrk's `-d`), BENCH_CONNECTIONS and
 * BENCH_ROUNDS shrink it.
 *
 * @module
 */
import { it } from 'vitest';
import {
  createTestDatabase,
  withConnection,
} from '../packages/server/src/storage/postgres/test-support/test-databases.js';
import { WM } from '../packages/server/test/support/fixtures.js';
import { startMailpat } from '../packages/server/test/support/mailpat-process.js';
import type { MailpatProcess } from '../packages/server/test/support/mailpat-process.js';
import { call } from '../packages/server/test/support/signed-request.js';
import { seedOrganization } from './support/seed-organization.js';
import { bestOf, replayScript, requireWrk, runWrk, signForReplay } from './support/wrk.js';
import type { WrkRun } from './support/wrk.js';
import { recordReport } from './support/bench-results.js';

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? process.env.MAILPAT_TEST_POSTGRES_URL;
const TOKENS = Number(process.env.BENCH_TOKENS ?? 100_000);
const DEEP_TOKENS = Number(process.env.BENCH_DEEP_TOKENS ?? 1_000_000);
const DURATION = process.env.BENCH_DURATION ?? '10s';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TARGET = WM('ListPersonalAccessTokens');
const DATABASE = `mailpat_bench_${process.pid}`;

/** The input of the first page of an organization. */
const firstPage = (organizationId: string) => ({ OrganizationId: organizationId, MaxResults: 100 });

/** The NextToken-carrying input of the page that starts `pagesIn` pages into the organization. */
async function pageInput(server: MailpatProcess, organizationId: string, pagesIn: number) {
  const input = firstPage(organizationId);
  let NextToken: unknown;
  for (let page = 0; page < pagesIn; page++) {
    ({ NextToken } = await call(server, TARGET, { ...input, NextToken }));
  }
  return NextToken === undefined ? input : { ...input, NextToken };
}

/** wrk against each of `servers` at once, the connections split between them; summed. */
async function runSpread(servers: MailpatProcess[], input: object, name: string): Promise<WrkRun> {
  const connections = Math.max(1, Math.round(CONNECTIONS / servers.length));
  const results = await Promise.all(
    servers.map(async (server, index) => {
      const script = replayScript(await signForReplay(server, TARGET, input));
      return runWrk(server.url, script, `${name}@${index}`, { connections, duration: DURATION });
    }),
  );
  // Summed throughput; each latency the worst instance's (percentiles do not add up).
  const worst = (pick: (run: WrkRun) => number) => Math.max(...results.map(pick));
  return {
    name,
    requestsPerSecond: results.reduce((sum, r) => sum + r.requestsPerSecond, 0),
    p50Ms: worst((r) => r.p50Ms),
    p90Ms: worst((r) => r.p90Ms),
    p99Ms: worst((r) => r.p99Ms),
    maxMs: worst((r) => r.maxMs),
  };
}

it('ListPersonalAccessTokens on PostgreSQL against SQLite', async () => {
  if (!SERVER_URL) {
    throw new Error(
      'Set BENCH_POSTGRES_URL (or MAILPAT_TEST_POSTGRES_URL) to a PostgreSQL server, e.g. ' +
        'BENCH_POSTGRES_URL=$(scripts/test-postgres.sh start) npm run bench:postgres',
    );
  }
  requireWrk();
  const databaseUrl = await createTestDatabase(SERVER_URL, { name: DATABASE });
  const servers: MailpatProcess[] = [];
  try {
    const sqlite = await seedOrganization({ tokens: TOKENS, prefix: 'mailpat-bench-sqlite-' });
    const postgres = await seedOrganization({
      tokens: TOKENS,
      prefix: 'mailpat-bench-pg-',
      databaseUrl,
    });
    const deep = await seedOrganization({
      tokens: DEEP_TOKENS,
      prefix: 'mailpat-bench-pg-deep-',
      databaseUrl,
    });
    // Settled as a running database would be: otherwise autovacuum processes the fresh million
    // rows during the runs and takes CPU from them.
    await withConnection(databaseUrl, (client) => client.query('vacuum (analyze)'));
    const start = async (dataDir: string, onDatabase?: string) => {
      const server = await startMailpat({ dataDir, databaseUrl: onDatabase });
      servers.push(server);
      return server;
    };
    const onSqlite = await start(sqlite.dataDir);
    const onPostgres = [
      await start(postgres.dataDir, databaseUrl),
      await start(deep.dataDir, databaseUrl),
    ];

    const deepFirst = firstPage(deep.organizationId);
    const deepLast = await pageInput(onPostgres[0]!, deep.organizationId, DEEP_TOKENS / 100 - 1);

    const runs = [await runSpread([onSqlite], firstPage(sqlite.organizationId), 'warmup')];
    // Interleaved and repeated, so drift of the machine hits every case alike; each case is
    // reported by its best run.
    for (let round = 1; round <= ROUNDS; round++) {
      runs.push(
        await runSpread([onSqlite], firstPage(sqlite.organizationId), `sqlite#${round}`),
        await runSpread(
          [onPostgres[0]!],
          firstPage(postgres.organizationId),
          `postgres-one-instance#${round}`,
        ),
        await runSpread(
          onPostgres,
          firstPage(postgres.organizationId),
          `postgres-two-instances#${round}`,
        ),
        await runSpread([onPostgres[0]!], deepFirst, `postgres-1m-first-page#${round}`),
        await runSpread([onPostgres[0]!], deepLast, `postgres-1m-deep-page#${round}`),
      );
    }
    const best = Object.fromEntries(
      [
        'sqlite',
        'postgres-one-instance',
        'postgres-two-instances',
        'postgres-1m-first-page',
        'postgres-1m-deep-page',
      ].map((name) => [name, bestOf(runs, `${name}#`)]),
    ) as Record<string, number>;
    const ratio = (a: string, b: string) => Number((best[a]! / best[b]!).toFixed(3));
    recordReport('postgres-list', {
      tokens: TOKENS,
      deepTokens: DEEP_TOKENS,
      seedSeconds: {
        sqlite: Number(sqlite.seedSeconds.toFixed(1)),
        postgres: Number(postgres.seedSeconds.toFixed(1)),
        postgresDeep: Number(deep.seedSeconds.toFixed(1)),
      },
      wrk: { threads: 1, connections: CONNECTIONS, duration: DURATION, rounds: ROUNDS },
      runs,
      bestRequestsPerSecond: best,
      postgresOneInstanceToSqlite: ratio('postgres-one-instance', 'sqlite'),
      postgresTwoInstancesToSqlite: ratio('postgres-two-instances', 'sqlite'),
      postgres1mFirstPageOverDeepPage: ratio('postgres-1m-first-page', 'postgres-1m-deep-page'),
    });
  } finally {
    // Stopped before the drop: an instance's flush must not race the dropped database.
    await Promise.all(servers.map((server) => server.stop()));
    await withConnection(SERVER_URL, (client) =>
      client.query(`drop database if exists ${DATABASE} with (force)`),
    );
  }
});
