/**
 * A statement-caching wrapper that Kysely's SqliteDialect takes as its database.
 * @module
 */
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { STATEMENT_CACHE_SIZE } from './constants.js';
import { withFastRows } from './fast-row-statement.js';
import type { RawModeStatement } from './fast-row-statement.js';

/** The part of a better-sqlite3 Database the cache wraps. */
export interface PreparingDatabase {
  prepare(sql: string): RawModeStatement;
  close(): void;
  readonly inTransaction: boolean;
}

/**
 * Kysely's SQLite driver calls `prepare(sql)` for every query, and preparing costs more than
 * running a small query. This wrapper hands out one statement per SQL text instead (with fast
 * rows, see fast-row-statement.ts). Reuse is safe because the driver holds its single
 * connection for the whole of each query.
 */
export class StatementCachingDatabase implements SqliteDatabase {
  readonly #database: PreparingDatabase;
  readonly #statements = new Map<string, SqliteStatement>();
  readonly #maxStatements: number;

  constructor(database: PreparingDatabase, maxStatements = STATEMENT_CACHE_SIZE) {
    this.#database = database;
    this.#maxStatements = maxStatements;
  }

  prepare(sql: string): SqliteStatement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = withFastRows(this.#database.prepare(sql));
      if (this.#statements.size >= this.#maxStatements) {
        // Evict the oldest: the hot statements are re-added on their next use.
        const oldest = this.#statements.keys().next().value as string;
        this.#statements.delete(oldest);
      }
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** True while a transaction is open on the connection. */
  get inTransaction(): boolean {
    return this.#database.inTransaction;
  }

  /** The number of cached statements (for tests). */
  get size(): number {
    return this.#statements.size;
  }

  close(): void {
    this.#statements.clear();
    this.#database.close();
  }
}
