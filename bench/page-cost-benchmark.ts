/**
 * `npm run bench:page-cost`: what one ListPersonalAccessTokens page (MaxResults=100, signed) costs
 * as the organization grows (PAGE_COST_SIZES, default 10,000, 100,000 and 1,000,000 tokens), for
 * the first page and for a page 100 tokens before the end, on SQLite and (with
 * MAILPAT_TEST_POSTGRES_URL) PostgreSQL. Keyset pagination: the deep page should cost what the
 * first costs, at every size.
 *
 * Latency under wrk with one connection (requests one after another), best of PAGE_COST_ROUNDS
 * interleaved rounds of PAGE_COST_DURATION each.
 * @module
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { it } from 'vitest';
import {
  createTestDatabase,
  testPostgresUrl,
} from '../packages/server/src/storage/postgres/test-support/test-databases.js';
import { WM } from '../packages/server/test/support/fixtures.js';
import { startMailpat } from '../packages/server/test/support/mailpat-process.js';
import type { MailpatProcess } from '../packages/server/test/support/mailpat-process.js';
import { call } from '../packages/server/test/support/signed-request.js';
import { recordReport } from './support/bench-results.js';
import { seedOrganization } from './support/seed-organization.js';
import { replayScript, requireWrk, runWrk, signForReplay } from './support/wrk.js';
import type { WrkRun } from './support/wrk.js';

const SIZES = (process.env.PAGE_COST_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const DURATION = process.env.PAGE_COST_DURATION ?? '3s';
const ROUNDS = Number(process.env.PAGE_COST_ROUNDS ?? 2);
const TARGET = WM('ListPersonalAccessTokens');
/** Pages walked to reach the deep page: the model's largest MaxResults. */
const WALK_PAGE_SIZE = 100;

interface PageCost {
  backend: string;
  tokens: number;
  page: 'first' | 'deep';
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
}

/** The input of the page that starts 100 tokens before the end (NextToken is not bound to a size). */
async function deepPageInput(server: MailpatProcess, organizationId: string, tokens: number) {
  let NextToken: unknown;
  for (let seen = 0; seen < tokens - 100; seen += WALK_PAGE_SIZE) {
    const pageSize = Math.min(WALK_PAGE_SIZE, tokens - 100 - seen);
    ({ NextToken } = await call(server, TARGET, {
      OrganizationId: organizationId,
      MaxResults: pageSize,
      ...(NextToken === undefined ? {} : { NextToken }),
    }));
  }
  return { OrganizationId: organizationId, MaxResults: 100, NextToken };
}

/** The run with the lowest median: the one least disturbed by the rest of the machine. */
function leastDisturbed(runs: WrkRun[]): WrkRun {
  return runs.reduce((best, run) => (run.p50Ms < best.p50Ms ? run : best));
}

async function measure(backend: string, tokens: number, databaseUrl?: string): Promise<PageCost[]> {
  const seed = await seedOrganization({
    tokens,
    prefix: `mailpat-bench-page-cost-${tokens}-`,
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
  });
  // As autovacuum would after a bulk load: without statistics the planner guesses.
  if (databaseUrl !== undefined) await analyze(databaseUrl);
  const server = await startMailpat({
    dataDir: seed.dataDir,
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
  });
  try {
    const inputs = {
      first: { OrganizationId: seed.organizationId, MaxResults: 100 },
      deep: await deepPageInput(server, seed.organizationId, tokens),
    };
    const scripts = {
      first: replayScript(await signForReplay(server, TARGET, inputs.first)),
      deep: replayScript(await signForReplay(server, TARGET, inputs.deep)),
    };
    const options = { connections: 1, duration: DURATION };
    await runWrk(server.url, scripts.first, 'warmup', options);
    const runs: Record<'first' | 'deep', WrkRun[]> = { first: [], deep: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const page of ['first', 'deep'] as const) {
        runs[page].push(await runWrk(server.url, scripts[page], `${page}#${round}`, options));
      }
    }
    return (['first', 'deep'] as const).map((page) => {
      const best = leastDisturbed(runs[page]);
      return {
        backend,
        tokens,
        page,
        p50Ms: best.p50Ms,
        p99Ms: best.p99Ms,
        requestsPerSecond: best.requestsPerSecond,
      };
    });
  } finally {
    await server.stop();
  }
}

async function analyze(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('vacuum (analyze)');
  } finally {
    await client.end();
  }
}

it('first and deep page cost as the organization grows', async () => {
  requireWrk();
  const postgresUrl = testPostgresUrl();
  const costs: PageCost[] = [];
  for (const tokens of SIZES) {
    costs.push(...(await measure('sqlite', tokens)));
    if (postgresUrl !== undefined) {
      const name = `mailpat_bench_page_cost_${tokens}_${randomBytes(3).toString('hex')}`;
      costs.push(
        ...(await measure('postgres', tokens, await createTestDatabase(postgresUrl, { name }))),
      );
    }
  }
  recordReport('page-cost', {
    wrk: { threads: 1, connections: 1, duration: DURATION, rounds: ROUNDS },
    costs,
  });
});
