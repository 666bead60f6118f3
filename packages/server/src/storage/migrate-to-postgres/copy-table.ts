/**
 * Copying one table from the SQLite snapshot into the open PostgreSQL transaction.
 * @module
 */
import type { ClientBase } from 'pg';
import { ROWS_PER_INSERT } from './constants.js';
import { insertRows } from './postgres-target.js';
import type { SqliteSource } from './sqlite-source.js';
import { TableChecksum } from './table-checksum.js';
import type { TableDigest } from './table-checksum.js';
import type { TableSpec } from './target-catalog.js';

/** Progress of the copy, for a progress bar: rows copied so far out of every table's rows. */
export interface MigrateProgress {
  table: string;
  phase: 'copy' | 'verify';
  copied: number;
  total: number;
}

/** The running count of rows copied over every table, and who hears of it. */
export interface CopyProgress {
  copied: number;
  total: number;
  report: (progress: MigrateProgress) => void;
}

/**
 * Reads the table from SQLite in primary-key batches and inserts each while the next is read:
 * SQLite and PostgreSQL work at once. The source's digest is taken from the rows as read.
 */
export async function copyTable(
  client: ClientBase,
  source: SqliteSource,
  table: TableSpec,
  progress: CopyProgress,
): Promise<TableDigest> {
  const checksum = new TableChecksum();
  const report = () =>
    progress.report({
      table: table.name,
      phase: 'copy',
      copied: progress.copied,
      total: progress.total,
    });
  report();
  let inFlight: Promise<void> = Promise.resolve();
  for (const batch of source.rows(table.name, table.columns, table.primaryKey, ROWS_PER_INSERT)) {
    for (const row of batch) checksum.add(row);
    await inFlight;
    inFlight = insertRows(client, table, batch).then(() => {
      progress.copied += batch.length;
      report();
    });
  }
  await inFlight;
  return checksum.digest();
}
