/** @module `mailpat seed`: bulk-loads an organization, users and tokens straight into the database. */
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { buildSeedPlan } from '../seed/build-seed-plan.js';
import { openStore } from '../storage/open-store.js';
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
      const plan = buildSeedPlan({ ...options, alias, now: Date.now() });
      const store = await openStore(resolveDatabaseUrl(options.database, io.env, options.dataDir));
      const bar = io.stderr.isTTY
        ? new SingleBar({ stream: io.stderr, etaBuffer: 50 }, Presets.shades_classic)
        : undefined;
      bar?.start(options.tokens, 0);
      try {
        await store.seed({ ...plan, onProgress: (written) => bar?.update(written) });
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
