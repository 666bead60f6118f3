/**
 * The SQLite database being moved: opened read-only, read in one transaction.
 * @module
 */
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS } from '../migrations/migrations.js';
import { BUSY_TIMEOUT_MS } from '../sqlite/constants.js';
import { MIGRATION_TABLES } from './constants.js';
import { MigrateRefusedError } from './migrate-errors.js';
import { quoteIdentifier as quote } from './quote-identifier.js';

/**
 * A read-only connection holding one read transaction from the first read to close(): every
 * table is read from the same snapshot, even while a server writes (those writes are not
 * copied). Integers come back as bigint, so none loses precision on the way.
 */
export class SqliteSource {
  readonly #db: BetterSqlite3.Database;

  private constructor(db: BetterSqlite3.Database) {
    this.#db = db;
  }

  /** Opens `path` and starts the read transaction; refuses a missing or foreign file. */
  static open(path: string): SqliteSource {
    if (!existsSync(path)) throw new MigrateRefusedError(`no SQLite database at ${path}`);
    let db: BetterSqlite3.Database;
    try {
      db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.defaultSafeIntegers(true);
      db.prepare('begin').run();
    } catch (error) {
      throw new MigrateRefusedError(`cannot open ${path}: ${(error as Error).message}`);
    }
    const source = new SqliteSource(db);
    try {
      source.#checkSchema(path);
    } catch (error) {
      source.close();
      throw error;
    }
    return source;
  }

  /** The tables to copy (SQLite's and the migrator's own aside). */
  tableNames(): string[] {
    const names = this.#db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .pluck()
      .all() as string[];
    return names.filter((name) => !MIGRATION_TABLES.has(name)).sort();
  }

  /** The stored columns of `table` (generated columns are not stored, so not listed). */
  columnNames(table: string): string[] {
    const columns = this.#db.pragma(`table_info(${quote(table)})`) as { name: string }[];
    return columns.map((column) => column.name);
  }

  /** How many rows `table` has in the snapshot. */
  count(table: string): number {
    const sql = `select count(*) from ${quote(table)}`;
    return Number(this.#db.prepare(sql).pluck().get() as bigint);
  }

  /** The rows of `table` as arrays in `columns` order, sorted by `primaryKey`, a batch at a time. */
  *rows(
    table: string,
    columns: readonly string[],
    primaryKey: readonly string[],
    batchSize: number,
  ): Generator<unknown[][]> {
    const sql =
      `select ${columns.map(quote).join(', ')} from ${quote(table)} ` +
      `order by ${primaryKey.map(quote).join(', ')}`;
    let batch: unknown[][] = [];
    for (const row of this.#db.prepare(sql).raw(true).iterate() as Iterable<unknown[]>) {
      batch.push(row);
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** Ends the read transaction and closes the file. */
  close(): void {
    if (this.#db.inTransaction) this.#db.prepare('rollback').run();
    this.#db.close();
  }

  /** Refuses a file mailpat did not write, or one at another migration than this version's. */
  #checkSchema(path: string): void {
    let applied: string[];
    try {
      applied = this.#db
        .prepare('select name from kysely_migration order by name')
        .pluck()
        .all() as string[];
    } catch (error) {
      throw new MigrateRefusedError(
        `${path} is not a mailpat database (${(error as Error).message})`,
      );
    }
    const known = Object.keys(MIGRATIONS);
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      throw new MigrateRefusedError(
        `${path} was upgraded by a newer mailpat (migration ${unknown.join(', ')}): ` +
          'run migrate with that version',
      );
    }
    const missing = known.filter((name) => !applied.includes(name));
    if (missing.length > 0) {
      throw new MigrateRefusedError(
        `${path} is at an older schema (missing ${missing.join(', ')}): start this version's ` +
          '`mailpat serve` on it once to upgrade it, stop it, then migrate',
      );
    }
  }
}
