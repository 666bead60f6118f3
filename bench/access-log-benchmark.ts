/**
 * `npm run bench:access-log`: what the access log (one JSON line per admin API request, at
 * `info`) costs. Two servers on one seeded SQLite file, one at MAILPAT_LOG_LEVEL=info and one at
 * `warn` (no access line), take turns under wrk with the same signed ListPersonalAccessTokens
 * page; the report gives requests per second and the server's CPU per request, which stays
 * meaningful on a shared machine where throughput does not.
 *
 * BENCH_TOKENS, BENCH_DURATION, BENCH_CONNECTIONS and BENCH_ROUNDS shrink it.
 *
 * @module
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { it } from 'vitest';
import { findFreePort } from '../packages/server/test/support/dovecot.js';
import { WM } from '../packages/server/test/support/fixtures.js';
import { MAILPAT_BIN } from '../packages/server/test/support/mailpat-process.js';
import { recordReport } from './support/bench-results.js';
import { processCpuMs } from './support/process-cpu.js';
import { seedOrganization } from './support/seed-organization.js';
import { replayScript, requireWrk, runWrk, signForReplay } from './support/wrk.js';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 10_000);
const DURATION = process.env.BENCH_DURATION ?? '5s';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LEVELS = ['info', 'warn'] as const;

interface Sample {
  requestsPerSecond: number;
  cpuMicrosPerRequest: number;
}

interface Server {
  url: string;
  accessKeyId: string;
  secretAccessKey: string;
  child: ChildProcess;
}

/**
 * `mailpat serve` at `level`. Not startMailpat: at `warn` the `listening on` line it waits for
 * is not logged, so readiness is polled on a port chosen here.
 */
async function startAtLevel(dataDir: string, level: string): Promise<Server> {
  const port = await findFreePort();
  const keys = {
    accessKeyId: `AKIABENCH${randomBytes(6).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  };
  const { MAILPAT_DATABASE_URL: _ignored, ...env } = process.env;
  const args = [MAILPAT_BIN, 'serve', '--port', String(port), '--data-dir', dataDir];
  const child = spawn(process.execPath, args, {
    env: {
      ...env,
      MAILPAT_LOG_LEVEL: level,
      MAILPAT_ROOT_ACCESS_KEY_ID: keys.accessKeyId,
      MAILPAT_ROOT_SECRET_ACCESS_KEY: keys.secretAccessKey,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await fetch(`${url}/health/live`).catch(() => undefined))?.ok) {
      return { url, child, ...keys };
    }
    await sleep(50);
  }
  child.kill();
  throw new Error(`mailpat at ${level} did not start on ${url}`);
}

/** One wrk run against `server`, with the server's CPU time over it. */
async function measure(server: Server, script: string[], name: string): Promise<Sample> {
  const cpuBefore = processCpuMs(server.child.pid!);
  const run = await runWrk(server.url, script, name, {
    connections: CONNECTIONS,
    duration: DURATION,
  });
  const cpuMs = processCpuMs(server.child.pid!) - cpuBefore;
  const seconds = Number.parseFloat(DURATION);
  const requests = run.requestsPerSecond * seconds;
  return {
    requestsPerSecond: run.requestsPerSecond,
    cpuMicrosPerRequest: (cpuMs * 1000) / requests,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

it('the access log: the same List page at info and at warn', async () => {
  requireWrk();
  const { dataDir, organizationId } = await seedOrganization({ tokens: TOKENS });
  const servers: Server[] = [];
  for (const level of LEVELS) servers.push(await startAtLevel(dataDir, level));
  try {
    const input = { OrganizationId: organizationId, MaxResults: 100 };
    const target = WM('ListPersonalAccessTokens');
    const scripts = await Promise.all(
      servers.map(async (server) => replayScript(await signForReplay(server, target, input))),
    );
    const samples: Record<string, Sample[]> = { info: [], warn: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, level] of LEVELS.entries()) {
        samples[level]!.push(await measure(servers[index]!, scripts[index]!, `${level}#${round}`));
      }
    }
    const summary = Object.fromEntries(
      LEVELS.map((level) => [
        level,
        {
          requestsPerSecond: median(samples[level]!.map((s) => s.requestsPerSecond)),
          cpuMicrosPerRequest: Math.round(
            median(samples[level]!.map((s) => s.cpuMicrosPerRequest)),
          ),
        },
      ]),
    );
    recordReport('access-log', {
      tokens: TOKENS,
      duration: DURATION,
      connections: CONNECTIONS,
      rounds: ROUNDS,
      ...summary,
      accessLogCpuMicrosPerRequest:
        summary.info!.cpuMicrosPerRequest - summary.warn!.cpuMicrosPerRequest,
      samples,
    });
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
  }
});
