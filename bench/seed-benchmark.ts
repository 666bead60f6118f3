/**
 * `npm run bench:seed`: `mailpat seed` of SEED_BENCH_TOKENS tokens (default 1,000,000) on SQLite,
 * as a user runs it (the CLI, a fresh data directory): seconds, tokens per second and the database
 * file's bytes per token (after a checkpoint, so the WAL is in the file). Best of
 * SEED_BENCH_ROUNDS runs.
 * @module
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { recordReport } from './support/bench-results.js';
import { seedOrganization } from './support/seed-organization.js';

const TOKENS = Number(process.env.SEED_BENCH_TOKENS ?? 1_000_000);
const ROUNDS = Number(process.env.SEED_BENCH_ROUNDS ?? 2);

/** Bytes of the database: the file and whatever WAL and shared-memory files are left. */
function databaseBytes(dataDir: string): number {
  return readdirSync(dataDir)
    .filter((name) => name.startsWith('mailpat.db'))
    .reduce((sum, name) => sum + statSync(join(dataDir, name)).size, 0);
}

it('mailpat seed on SQLite', async () => {
  const runs: { seconds: number; bytes: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const seed = await seedOrganization({
      tokens: TOKENS,
      users: 1_000,
      prefix: 'mailpat-bench-seed-',
    });
    runs.push({ seconds: Number(seed.seedSeconds.toFixed(2)), bytes: databaseBytes(seed.dataDir) });
    rmSync(seed.dataDir, { recursive: true, force: true });
  }
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  recordReport('seed', {
    tokens: TOKENS,
    runs,
    bestSeconds: best.seconds,
    tokensPerSecond: Math.round(TOKENS / best.seconds),
    bytesPerToken: Math.round(best.bytes / TOKENS),
  });
});
