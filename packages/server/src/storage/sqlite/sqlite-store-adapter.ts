/**
 * The SQLite part of the store: error mapping and the raw bulk loader.
 * @module
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import type { SeedPlan } from '../store.js';
import type { StoreAdapter } from '../store-adapter.js';
import { BLOCKING_BUSY_TIMEOUT_MS, BUSY_TIMEOUT_MS } from './constants.js';
import { retryWhileBusy } from './retry-while-busy.js';
import { translateSqliteError } from './sqlite-errors.js';
import { seedSqlite } from './sqlite-seed.js';

/** The StoreAdapter of SQLite; it needs the raw database for seed's prepared statements. */
export class SqliteStoreAdapter implements StoreAdapter {
  /** One writer at a time: a transaction's reads cannot go stale before it commits. */
  readonly locksRows = false;

  constructor(private readonly database: BetterSqlite3.Database) {}

  withMigrationLock(
    db: Kysely<Database>,
    migrate: (db: Kysely<Database>) => Promise<void>,
  ): Promise<void> {
    // The migrator runs in one `begin immediate` transaction (sqlite-store-dialect.ts): the
    // write lock is the migration lock, and another process's migration is waited out.
    return this.withBlockingBusyTimeout(() => migrate(db));
  }

  retryWhileLocked<T>(operation: () => Promise<T>): Promise<T> {
    return retryWhileBusy(operation);
  }

  beforeAppendingEvents(): Promise<void> {
    // Write transactions are serial, so rowids are assigned in commit order already.
    return Promise.resolve();
  }

  lockCreationOrder(): Promise<void> {
    // Write transactions are serial (begin immediate): stamps are taken in commit order already.
    return Promise.resolve();
  }

  readSharedClock(): RawBuilder<number> {
    // Every process sharing a database file runs on this machine, under one clock.
    return sql<number>`${Date.now()}`;
  }

  translateError(error: unknown): unknown {
    return translateSqliteError(error);
  }

  joinSummariesInOrder(): RawBuilder<string | null> {
    // group_concat consumes the rows in the order the subquery produces them: its ORDER BY
    // stays (it carries a LIMIT) and walks the keyset index. An ORDER BY inside group_concat
    // would sort again in a temporary b-tree and triple the cost of a page.
    return sql<string | null>`group_concat(summary_json, ',')`;
  }

  seed(plan: SeedPlan): Promise<void> {
    return this.withBlockingBusyTimeout(() => seedSqlite(this.database, plan));
  }

  poolStats(): undefined {
    // One connection, used by one statement at a time: no pool to report.
    return undefined;
  }

  close(): Promise<void> {
    if (this.database.open) this.database.close();
    return Promise.resolve();
  }

  private async withBlockingBusyTimeout(run: () => Promise<void>): Promise<void> {
    this.database.pragma(`busy_timeout = ${BLOCKING_BUSY_TIMEOUT_MS}`);
    try {
      await run();
    } finally {
      if (this.database.open) this.database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }
}
