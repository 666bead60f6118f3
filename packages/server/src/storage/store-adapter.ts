/**
 * What a backend supplies to the shared KyselyStore besides its Kysely dialect.
 * @module
 */
import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { PoolStats, SeedPlan } from './store.js';

/** The tables whose rows get a creation time that keyset pagination orders by. */
export type CreationTable = 'organizations' | 'users' | 'personal_access_tokens';

/** The small per-backend part of a store: error mapping, locking and the bulk loader. */
export interface StoreAdapter {
  /**
   * True when the database runs transactions concurrently and a read that decides a write must
   * lock its rows (`select ... for share/for update`). SQLite runs one writer at a time and has
   * no such clause.
   */
  readonly locksRows: boolean;
  /** Runs `migrate` while no other process migrates the same database. */
  withMigrationLock(
    db: Kysely<Database>,
    migrate: (db: Kysely<Database>) => Promise<void>,
  ): Promise<void>;
  /**
   * Runs a whole store operation, again while another process holds a lock it needs, up to a
   * short deadline (SQLite: see sqlite/retry-while-busy.ts); the operation must be idempotent
   * when it failed on that lock.
   */
  retryWhileLocked<T>(operation: () => Promise<T>): Promise<T>;
  /**
   * Called in a transaction before it appends token events: afterwards, no transaction that
   * commits earlier can still append events with a smaller sequence (see 0002-token-events).
   */
  beforeAppendingEvents(trx: Transaction<Database>): Promise<void>;
  /**
   * Called in a transaction before it stamps a creation time in `table` (see creation-time.ts);
   * held until commit, so no two transactions stamp the same table at once.
   */
  lockCreationOrder(trx: Transaction<Database>, table: CreationTable): Promise<void>;
  /** The current time in epoch ms, from the clock every process writing this database reads. */
  readSharedClock(): RawBuilder<number>;
  /**
   * The storage error (storage-errors.ts) a driver error stands for, or the error unchanged.
   * Backends map their own codes here (SQLite constraint codes, PostgreSQL 23505).
   */
  translateError(error: unknown): unknown;
  /**
   * The aggregate over a keyset-ordered subquery `page` (created_at, id, summary_json) that
   * joins its summary_json values with ',' in (created_at, id) order; null for no rows.
   */
  joinSummariesInOrder(): RawBuilder<string | null>;
  /** Bulk load; KyselyStore calls it while holding the database connection. */
  seed(plan: SeedPlan): Promise<void>;
  /** The connection pool's sizes; undefined when the backend has no pool (SQLite). */
  poolStats(): PoolStats | undefined;
  /** Releases the driver after Kysely's destroy(), which skips a database it never used. */
  close(): Promise<void>;
}
