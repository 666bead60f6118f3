/**
 * What `mailpat seed` does once its options are parsed.
 * @module
 */
import { SingleBar, Presets } from 'cli-progress';
import { secureDataFiles } from '../file-modes/secure-data-files.js';
import { buildSeedPlan } from '../seed/build-seed-plan.js';
import { openStore } from '../storage/open-store.js';
import { UniqueConstraintError } from '../storage/storage-errors.js';
import { validateInput } from '../validation/validate-input.js';
import type { CliIo } from './cli-io.js';
import { resolveDatabaseUrl } from '../config/database-url.js';

/** The parsed options of `mailpat seed`. */
export interface SeedCommandOptions {
  dataDir: string;
  database?: string;
  tokens: number;
  users: number;
  alias?: string;
}

/** Seeds the database and prints the JSON summary line. */
export async function runSeed(options: SeedCommandOptions, io: CliIo): Promise<void> {
  const alias = options.alias ?? `seed-${Date.now().toString(36)}`;
  // The same rules as CreateOrganization's Alias, so seeded data is data the API could make.
  validateInput('CreateOrganizationRequest', { Alias: alias });
  const plan = buildSeedPlan({ ...options, alias, now: Date.now() });
  const databaseUrl = resolveDatabaseUrl(options.database, io.env, options.dataDir);
  // stderr: stdout ends with the JSON summary, which scripts read.
  secureDataFiles({
    dataDir: options.dataDir,
    databaseUrl,
    log: (message) => io.stderr.write(`${message}\n`),
  });
  const store = await openStore(databaseUrl);
  const bar = io.stderr.isTTY
    ? new SingleBar({ stream: io.stderr, etaBuffer: 50 }, Presets.shades_classic)
    : undefined;
  bar?.start(options.tokens, 0);
  try {
    await store.seed({ ...plan, onProgress: (written) => bar?.update(written) });
  } catch (error) {
    if (error instanceof UniqueConstraintError) {
      const taken =
        error.constraint === 'mail_domains_pkey'
          ? `the mail domain ${plan.organization.defaultMailDomain} is held by another organization`
          : `an organization with the alias ${alias} exists already`;
      throw new Error(taken, { cause: error });
    }
    throw error;
  } finally {
    bar?.stop();
    await store.close();
  }
  const summary = {
    OrganizationId: plan.organization.id,
    Users: options.users,
    Tokens: options.tokens,
  };
  io.stdout.write(`${JSON.stringify(summary)}\n`);
}
