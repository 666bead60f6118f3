/**
 * `mailpat seed`: bulk-loads an organization, users and tokens straight into the database.
 * @module
 */
import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { parseInteger } from './parse-options.js';
import type { SeedCommandOptions } from './run-seed.js';

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
      // Loaded here, not at the top: `mailpat workmail` should not pay for the storage modules.
      const { runSeed } = await import('./run-seed.js');
      await runSeed(options, io);
      setExitCode(0);
    });
}
