/**
 * A large organization for a benchmark, loaded by `mailpat seed` as a user would load one.
 *
 * @module
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMailpatCli } from '../../packages/server/test/support/mailpat-cli.js';

/** Where the organization was seeded, its ID and how long the seed took. */
export interface SeededOrganization {
  dataDir: string;
  organizationId: string;
  seedSeconds: number;
}

/** What to seed: `tokens` over `users` users (default 100), on SQLite or at `databaseUrl`. */
export interface SeedOptions {
  tokens: number;
  users?: number;
  /** Prefix of the fresh temporary data directory. */
  prefix?: string;
  /** A PostgreSQL database (`--database`); SQLite in the data directory by default. */
  databaseUrl?: string;
}

/** Runs `mailpat seed` into a fresh data directory. */
export async function seedOrganization(options: SeedOptions): Promise<SeededOrganization> {
  const dataDir = mkdtempSync(join(tmpdir(), options.prefix ?? 'mailpat-bench-'));
  const args = ['seed', '--data-dir', dataDir, '--tokens', String(options.tokens)];
  args.push('--users', String(options.users ?? 100));
  if (options.databaseUrl !== undefined) args.push('--database', options.databaseUrl);
  // Like startMailpat: the database is chosen by --database alone, not the developer's env.
  const { MAILPAT_DATABASE_URL: _ignored, ...env } = process.env;
  const start = performance.now();
  const seeded = await runMailpatCli(args, env);
  const seedSeconds = (performance.now() - start) / 1000;
  if (seeded.code !== 0) throw new Error(`mailpat ${args.join(' ')}: ${seeded.stderr}`);
  const summary = JSON.parse(seeded.stdout.trim().split('\n').pop()!) as {
    OrganizationId: string;
  };
  return { dataDir, organizationId: summary.OrganizationId, seedSeconds };
}
