/** @module `mailpat seed`: bulk-loads an organization, users and tokens straight into the database. */
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { buildSeedPlan } from '../seed/build-seed-plan.js';
import { openStore } from '../storage/open-store.js';
import { UniqueConstraintError } from '../storage/storage-errors.js';
import { validateInput } from '../validation/validate-input.js';
import type { CliIo } from './cli-io.js';
import { resolveDatabaseUrl } from './database-url.js';
import { parseInteger } from './parse-options.js';

interface SeedCommandOptions {
  dataDir: string;
  database?: string;
  tokens: number;
  users: number;
  alias?: string;
}

/** Adds `seed` to the program. */
export function registerSeedCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
): void {
  program
    .command('seed')
    .description('Create an organization with an ACTIVE PAT policy, users and tokens (no server)')
    .requiredOption('--tokens <n>', 'how many tokens', (v) => parseInteger(v, 0))
    .option(
      '--users <n>',
      'how many users the tokens are spread over',
      (v) => parseInteger(v, 1),
      10,
    )
    .option('--alias <alias>', 'organization alias (default: seed-<random>)')
    .option('--data-dir <dir>', 'data directory of the SQLite database', './data')
    .option('--database <url>', 'sqlite:PATH or postgres://... (env MAILPAT_DATABASE_URL)')
    .action(async (options: SeedCommandOptions) => {
      const alias = options.alias ?? `seed-${Date.now().toString(36)}`;
      // The same rules as CreateOrganization's Alias, so seeded data is data the API could make.
      validateInput('CreateOrganizationRequest', { Alias: alias });
      const plan = buildSeedPlan({ ...options, alias, now: Date.now() });
      const store = await openStore(resolveDatabaseUrl(options.database, io.env, options.dataDir));
      const bar = io.stderr.isTTY
        ? new SingleBar({ stream: io.stderr, etaBuffer: 50 }, Presets.shades_classic)
        : undefined;
      bar?.start(options.tokens, 0);
      try {
        await store.seed({ ...plan, onProgress: (written) => bar?.update(written) });
      } catch (error) {
        if (error instanceof UniqueConstraintError) {
          throw new Error(`an organization with the alias ${alias} exists already`, {
            cause: error,
          });
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
      setExitCode(0);
    });
}
