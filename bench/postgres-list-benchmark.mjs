// `npm run bench:postgres`: the list benchmark (ListPersonalAccessTokens, MaxResults=100, signed,
// 100,000 tokens, wrk) on PostgreSQL with one instance and with two instances behind one
// database, each as a ratio to SQLite in the same run; then the deep page against the first page
// on PostgreSQL with 1,000,000 tokens. Prints a JSON report.
//
// Needs a PostgreSQL server: BENCH_POSTGRES_URL or MAILPAT_TEST_POSTGRES_URL (for example what
// `scripts/test-postgres.sh start` prints). The benchmark creates its own database and drops it.
import pg from 'pg';
import { callMailpat, seedOrganization, signRequest, startMailpat } from './bench-support.mjs';
import { bestOf, requireWrk, runWrk } from './wrk-support.mjs';

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? process.env.MAILPAT_TEST_POSTGRES_URL;
const TOKENS = Number(process.env.BENCH_TOKENS ?? 100_000);
const DEEP_TOKENS = Number(process.env.BENCH_DEEP_TOKENS ?? 1_000_000);
const DURATION = process.env.BENCH_DURATION ?? '10s';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TARGET = 'WorkMailService.ListPersonalAccessTokens';

if (!SERVER_URL) {
  console.error(
    'Set BENCH_POSTGRES_URL (or MAILPAT_TEST_POSTGRES_URL) to a PostgreSQL server, e.g. ' +
      'BENCH_POSTGRES_URL=$(scripts/test-postgres.sh start) npm run bench:postgres',
  );
  process.exit(1);
}
requireWrk();

const DATABASE = `mailpat_bench_${process.pid}`;
const databaseUrl = (() => {
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
})();

async function admin(statement, url = SERVER_URL) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The NextToken-carrying input of the page that starts `pagesIn` pages into the organization. */
async function pageInput(url, OrganizationId, pagesIn) {
  const input = { OrganizationId, MaxResults: 100 };
  let NextToken;
  for (let page = 0; page < pagesIn; page++) {
    ({ NextToken } = await callMailpat(url, TARGET, { ...input, NextToken }));
  }
  return NextToken === undefined ? input : { ...input, NextToken };
}

/** wrk against each of `urls` at once, the connections split between them; summed. */
async function runSpread(urls, input, name) {
  const connections = Math.max(1, Math.round(CONNECTIONS / urls.length));
  const results = await Promise.all(
    urls.map(async (url, index) =>
      runWrk(url, await signRequest(url, TARGET, input), `${name}@${index}`, {
        connections,
        duration: DURATION,
      }),
    ),
  );
  return {
    name,
    requestsPerSecond: results.reduce((sum, r) => sum + r.requestsPerSecond, 0),
    p99Ms: Math.max(...results.map((r) => r.p99Ms)),
  };
}

async function main() {
  await admin(`create database ${DATABASE}`);
  const children = [];
  try {
    const sqlite = seedOrganization(TOKENS, 'mailpat-bench-sqlite-');
    const postgres = seedOrganization(TOKENS, 'mailpat-bench-pg-', databaseUrl);
    const deep = seedOrganization(DEEP_TOKENS, 'mailpat-bench-pg-deep-', databaseUrl);
    // Settled as a running database would be: otherwise autovacuum processes the fresh million
    // rows during the runs and takes CPU from them.
    await admin('vacuum (analyze)', databaseUrl);
    const onPostgres = { MAILPAT_DATABASE_URL: databaseUrl };
    const start = async (dataDir, env) => {
      const started = await startMailpat(dataDir, env);
      children.push(started.child);
      return started.url;
    };
    const sqliteUrl = await start(sqlite.dataDir);
    const pgUrls = [
      await start(postgres.dataDir, onPostgres),
      await start(deep.dataDir, onPostgres),
    ];

    const firstPage = (id) => ({ OrganizationId: id, MaxResults: 100 });
    const deepFirst = firstPage(deep.organizationId);
    const deepLast = await pageInput(pgUrls[0], deep.organizationId, DEEP_TOKENS / 100 - 1);

    const runs = [await runSpread([sqliteUrl], firstPage(sqlite.organizationId), 'warmup')];
    // Interleaved and repeated, so drift of the machine hits every case alike; each case is
    // reported by its best run.
    for (let round = 1; round <= ROUNDS; round++) {
      runs.push(
        await runSpread([sqliteUrl], firstPage(sqlite.organizationId), `sqlite#${round}`),
        await runSpread(
          [pgUrls[0]],
          firstPage(postgres.organizationId),
          `postgres-one-instance#${round}`,
        ),
        await runSpread(
          pgUrls,
          firstPage(postgres.organizationId),
          `postgres-two-instances#${round}`,
        ),
        await runSpread([pgUrls[0]], deepFirst, `postgres-1m-first-page#${round}`),
        await runSpread([pgUrls[0]], deepLast, `postgres-1m-deep-page#${round}`),
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
    );
    const ratio = (a, b) => Number((a / b).toFixed(3));
    console.log(
      JSON.stringify(
        {
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
          postgresOneInstanceToSqlite: ratio(best['postgres-one-instance'], best.sqlite),
          postgresTwoInstancesToSqlite: ratio(best['postgres-two-instances'], best.sqlite),
          postgres1mFirstPageOverDeepPage: ratio(
            best['postgres-1m-first-page'],
            best['postgres-1m-deep-page'],
          ),
        },
        null,
        2,
      ),
    );
  } finally {
    // Stopped before the drop: an instance's flush must not race the dropped database.
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            child.once('exit', resolve);
            child.kill('SIGTERM');
          }),
      ),
    );
    await admin(`drop database if exists ${DATABASE} with (force)`);
  }
}

await main();
