/**
 * `mailpat migrate`: moves a SQLite database into an empty PostgreSQL database.
 * @module
 */
import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import type { MigrateCommandOptions } from './run-migrate.js';

/** Adds `migrate` to the program. */
export function registerMigrateCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
): void {
  program
    .command('migrate')
    .description(
      'Copy every table of a SQLite database into an empty PostgreSQL database, verified ' +
        '(stop the servers on the SQLite file first)',
    )
    .requiredOption('--from <url>', 'sqlite:PATH, the database to copy (opened read-only)')
    .requiredOption('--to <url>', 'postgres://user:password@host:port/database, empty')
    .action(async (options: MigrateCommandOptions) => {
      // Loaded here: the storage modules (and pg) only for this command.
      const { runMigrate } = await import('./run-migrate.js');
      await runMigrate(options, io);
      setExitCode(0);
    });
}
