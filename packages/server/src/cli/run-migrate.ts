/**
 * What `mailpat migrate` does once its options are parsed: check them, copy, report.
 * @module
 */
import { SingleBar, Presets } from 'cli-progress';
import { isPostgresUrl, sqlitePathOf } from '../storage/database-url.js';
import { maskDatabasePassword, maskDatabaseUrl } from '../storage/mask-database-password.js';
import { migrateSqliteToPostgres } from '../storage/migrate-to-postgres/migrate-to-postgres.js';
import type {
  MigrateProgress,
  MigrateReport,
} from '../storage/migrate-to-postgres/migrate-to-postgres.js';
import type { CliIo } from './cli-io.js';

/** The parsed options of `mailpat migrate`. */
export interface MigrateCommandOptions {
  from: string;
  to: string;
}

/**
 * Migrates and prints the per-table summary, what to do next, and a JSON line last. Every
 * message that leaves this function has the target's password masked.
 */
export async function runMigrate(options: MigrateCommandOptions, io: CliIo): Promise<void> {
  const sqlitePath = checkOptions(options);
  const started = performance.now();
  const progress = progressReporter(io);
  let report: MigrateReport;
  try {
    report = await migrateSqliteToPostgres({
      sqlitePath,
      postgresUrl: options.to,
      onProgress: progress.update,
    });
  } catch (error) {
    // No cause: the original message (and a driver's) may carry the password.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(maskDatabasePassword((error as Error).message, options.to));
  } finally {
    progress.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  io.stdout.write(summary(options, report, seconds));
}

/** The SQLite path to read; refuses options that cannot name a SQLite source and a PG target. */
function checkOptions(options: MigrateCommandOptions): string {
  const masked = maskDatabaseUrl(options.to);
  if (options.from.trim() === options.to.trim()) {
    throw new Error(`--from and --to name the same database (${masked})`);
  }
  if (!/^sqlite:/i.test(options.from)) {
    throw new Error(
      `--from must be sqlite:PATH, the SQLite database to copy; got ${maskDatabaseUrl(options.from)}`,
    );
  }
  if (!isPostgresUrl(options.to)) {
    throw new Error(
      `--to must be a postgres://user:password@host:port/database URL; got ${masked}`,
    );
  }
  return sqlitePathOf(options.from);
}

/** A bar on a terminal; elsewhere one stderr line per table, so logs show where it was. */
function progressReporter(io: CliIo) {
  const bar = io.stderr.isTTY
    ? new SingleBar(
        {
          stream: io.stderr,
          format: '{phase} {table} [{bar}] {value}/{total} rows',
          etaBuffer: 50,
        },
        Presets.shades_classic,
      )
    : undefined;
  let last = '';
  const update = (p: MigrateProgress) => {
    const payload = { phase: p.phase === 'copy' ? 'copying' : 'verifying', table: p.table };
    if (bar !== undefined) {
      if (last === '') bar.start(p.total, p.copied, payload);
      else bar.update(p.copied, payload);
    } else if (`${p.phase} ${p.table}` !== last) {
      io.stderr.write(`mailpat migrate: ${payload.phase} ${payload.table}\n`);
    }
    last = `${p.phase} ${p.table}`;
  };
  return { update, stop: () => bar?.stop() };
}

function summary(options: MigrateCommandOptions, report: MigrateReport, seconds: number): string {
  const rows = report.tables.reduce((sum, table) => sum + table.rows, 0);
  const width = Math.max(...report.tables.map((table) => table.name.length));
  const lines = [
    `Copied and verified ${rows} rows in ${seconds.toFixed(1)} s ` +
      `(${Math.round(rows / Math.max(seconds, 0.001))} rows/s) into ${maskDatabaseUrl(options.to)}:`,
    ...report.tables.map(
      (t) => `  ${t.name.padEnd(width)}  ${String(t.rows).padStart(9)}  sha256 ${t.sha256}`,
    ),
    'Next: keep mailpat stopped on the SQLite file, and start each instance on PostgreSQL:',
    '  mailpat serve --database "$MAILPAT_DATABASE_URL" --host 0.0.0.0',
    `  (MAILPAT_DATABASE_URL=${maskDatabaseUrl(options.to)} with its password; the same ` +
      'MAILPAT_INTROSPECTION_CLIENT_* and, if you pinned them, MAILPAT_ROOT_* on every instance)',
    JSON.stringify({
      Tables: Object.fromEntries(report.tables.map((t) => [t.name, t.rows])),
      Rows: rows,
      Seconds: Number(seconds.toFixed(2)),
    }),
  ];
  return `${lines.join('\n')}\n`;
}
