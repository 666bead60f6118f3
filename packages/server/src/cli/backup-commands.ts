/**
 * `mailpat backup` and `mailpat restore`: a consistent copy of the SQLite database while it
 * serves, and that copy put back in place. PostgreSQL has pg_dump and pg_restore for this.
 * @module
 */
import type { Command } from 'commander';
import { resolveDatabaseUrl } from '../config/database-url.js';
import { isPostgresUrl, sqlitePathOf } from '../storage/database-url.js';
import type { CliIo } from './cli-io.js';

/** The parsed options of `mailpat backup` and `mailpat restore`. */
interface BackupCommandOptions {
  dataDir: string;
  database?: string;
  to?: string;
  from?: string;
}

/** Adds `backup` and `restore` to the program. */
export function registerBackupCommands(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
): void {
  program
    .command('backup')
    .description(
      'Copy the SQLite database to a new file while mailpat serves (PostgreSQL: pg_dump)',
    )
    .requiredOption('--to <file>', 'the backup file to create (never overwritten)')
    .option('--data-dir <dir>', 'data directory of the SQLite database', './data')
    .option('--database <url>', 'sqlite:PATH (env MAILPAT_DATABASE_URL)')
    .action(async (options: BackupCommandOptions) => {
      const { backupSqlite } = await import('../storage/sqlite/sqlite-backup.js');
      const { bytes } = await backupSqlite(sqliteFileOf(options, io, 'backup'), options.to!);
      io.stdout.write(`${JSON.stringify({ Backup: options.to, Bytes: bytes })}\n`);
      setExitCode(0);
    });
  program
    .command('restore')
    .description('Put a backup in place as the SQLite database, with mailpat stopped')
    .requiredOption('--from <file>', 'a file `mailpat backup` wrote')
    .option('--data-dir <dir>', 'data directory of the SQLite database', './data')
    .option('--database <url>', 'sqlite:PATH (env MAILPAT_DATABASE_URL)')
    .action(async (options: BackupCommandOptions) => {
      const { restoreSqlite } = await import('../storage/sqlite/sqlite-backup.js');
      const target = sqliteFileOf(options, io, 'restore');
      const { bytes } = restoreSqlite(options.from!, target);
      io.stdout.write(`${JSON.stringify({ Restored: target, Bytes: bytes })}\n`);
      setExitCode(0);
    });
}

/** The SQLite file the options name; a PostgreSQL URL is refused with what to use instead. */
function sqliteFileOf(options: BackupCommandOptions, io: CliIo, command: string): string {
  const databaseUrl = resolveDatabaseUrl(options.database, io.env, options.dataDir);
  if (isPostgresUrl(databaseUrl)) {
    const tool = command === 'backup' ? 'pg_dump' : 'pg_restore';
    throw new Error(
      `${command} is for SQLite; back up PostgreSQL with ${tool} (docs/postgresql.md)`,
    );
  }
  return sqlitePathOf(databaseUrl);
}
