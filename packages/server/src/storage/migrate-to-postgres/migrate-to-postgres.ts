/**
 * Moving a SQLite database into an empty PostgreSQL database, verified, all or nothing.
 * @module
 */
import type { ClientBase } from 'pg';
import { maskDatabaseUrl } from '../mask-database-password.js';
import { openStore } from '../open-store.js';
import { copyTable } from './copy-table.js';
import type { MigrateProgress } from './copy-table.js';
import { MigrateFailedError, MigrateRefusedError } from './migrate-errors.js';
import {
  connectTarget,
  digestTable,
  findNonEmptyTable,
  lockTables,
  resetIdentities,
} from './postgres-target.js';
import { SqliteSource } from './sqlite-source.js';
import type { TableDigest } from './table-checksum.js';
import { readTargetCatalog } from './target-catalog.js';
import type { TableSpec } from './target-catalog.js';

export type { MigrateProgress } from './copy-table.js';

/** What was copied: per table, in copy order, its row count and SHA-256 (equal on both sides). */
export interface MigrateReport {
  tables: ({ name: string } & TableDigest)[];
}

/** Where from, where to, and who hears about progress. */
export interface MigrateOptions {
  sqlitePath: string;
  postgresUrl: string;
  onProgress?: (progress: MigrateProgress) => void;
}

/**
 * Copies every table of the SQLite database at `sqlitePath` into the PostgreSQL database at
 * `postgresUrl`, which must hold no rows. The target is first brought to the current schema by
 * mailpat's migrations; then the copy, the identity resets and the verification (row count and
 * checksum of every table, read back) run in one transaction: any failure rolls it all back.
 */
export async function migrateSqliteToPostgres(options: MigrateOptions): Promise<MigrateReport> {
  const source = SqliteSource.open(options.sqlitePath);
  try {
    const client = await connectTarget(options.postgresUrl).catch((error: unknown) => {
      throw new MigrateRefusedError(
        `cannot connect to PostgreSQL at ${maskDatabaseUrl(options.postgresUrl)}: ` +
          (error as Error).message,
      );
    });
    try {
      // Before the migrations, so a non-empty target is refused without a single write.
      await refuseNonEmptyTarget(client);
      const store = await openStore(options.postgresUrl, { poolSize: 1 });
      await store.close();
      return await copyInOneTransaction(client, source, options.onProgress);
    } finally {
      await client.end().catch(() => undefined);
    }
  } finally {
    source.close();
  }
}

async function refuseNonEmptyTarget(client: ClientBase): Promise<void> {
  const table = await findNonEmptyTable(client);
  if (table !== undefined) {
    throw new MigrateRefusedError(
      `the target database is not empty: table ${table} has rows. migrate only fills an ` +
        'empty database; create a new one (createdb) or empty this one first',
    );
  }
}

async function copyInOneTransaction(
  client: ClientBase,
  source: SqliteSource,
  onProgress: MigrateOptions['onProgress'],
): Promise<MigrateReport> {
  await client.query('begin');
  let current: string | undefined;
  let step = 'preparing the copy';
  try {
    const tables = await readTargetCatalog(client);
    matchSourceTables(source, tables);
    await lockTables(client, tables);
    await refuseNonEmptyTarget(client);
    const total = tables.reduce((sum, table) => sum + source.count(table.name), 0);
    const progress = { copied: 0, total, report: onProgress ?? (() => undefined) };
    const report: MigrateReport = { tables: [] };
    for (const table of tables) {
      current = table.name;
      step = `copying ${table.name}`;
      report.tables.push({
        name: table.name,
        ...(await copyTable(client, source, table, progress)),
      });
      await resetIdentities(client, table);
    }
    for (const [index, table] of tables.entries()) {
      current = table.name;
      step = `verifying ${table.name}`;
      progress.report({ table: table.name, phase: 'verify', copied: total, total });
      verifyDigest(table.name, report.tables[index]!, await digestTable(client, table));
    }
    step = 'committing';
    await client.query('commit');
    return report;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    if (error instanceof MigrateRefusedError || error instanceof MigrateFailedError) throw error;
    throw new MigrateFailedError(
      current,
      `${step} failed, nothing was written: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** The source must have exactly the target's tables and columns (both at one schema version). */
function matchSourceTables(source: SqliteSource, tables: readonly TableSpec[]): void {
  const expected = tables.map((table) => table.name).sort();
  const found = source.tableNames();
  if (expected.join() !== found.join()) {
    throw new MigrateRefusedError(
      `the source's tables (${found.join(', ')}) are not mailpat's (${expected.join(', ')})`,
    );
  }
  for (const table of tables) {
    const columns = source.columnNames(table.name).sort();
    if (columns.join() !== [...table.columns].sort().join()) {
      throw new MigrateRefusedError(
        `table ${table.name}: the source's columns (${columns.join(', ')}) differ from ` +
          `the target's (${table.columns.join(', ')})`,
      );
    }
  }
}

function verifyDigest(table: string, copied: TableDigest, readBack: TableDigest): void {
  if (copied.rows !== readBack.rows || copied.sha256 !== readBack.sha256) {
    throw new MigrateFailedError(
      table,
      `verification failed for table ${table}: the source has ${copied.rows} rows ` +
        `(sha256 ${copied.sha256}), the copy ${readBack.rows} (sha256 ${readBack.sha256}); ` +
        'rolled back, nothing was written',
    );
  }
}
