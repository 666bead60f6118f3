/**
 * The PostgreSQL part of the store: error mapping, locks and the bulk loader.
 * @module
 */
import { sql } from 'kysely';
import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type { Pool } from 'pg';
import type { Database } from '../schema.js';
import type { PoolStats, SeedPlan } from '../store.js';
import type { CreationTable, StoreAdapter } from '../store-adapter.js';
import {
  EVENT_APPEND_LOCK_KEY,
  MIGRATION_LOCK_KEY,
  ORGANIZATION_CREATION_LOCK_KEY,
  USER_CREATION_LOCK_KEY,
} from './constants.js';
import { translatePostgresError } from './postgres-errors.js';
import { seedPostgres } from './postgres-seed.js';

/**
 * The lock that orders creation stamps of each table. Tokens share the event append lock: their
 * insert appends a CREATED event under it anyway, and one lock is one wait.
 */
const CREATION_LOCK_KEYS: Record<CreationTable, number> = {
  personal_access_tokens: EVENT_APPEND_LOCK_KEY,
  users: USER_CREATION_LOCK_KEY,
  organizations: ORGANIZATION_CREATION_LOCK_KEY,
};

/** The StoreAdapter of PostgreSQL; it holds the pool for seed and for closing. */
export class PostgresStoreAdapter implements StoreAdapter {
  /** Transactions run concurrently (READ COMMITTED): decisive reads lock their rows. */
  readonly locksRows = true;

  constructor(private readonly pool: Pool) {}

  translateError(error: unknown): unknown {
    return translatePostgresError(error);
  }

  joinSummariesInOrder(): RawBuilder<string | null> {
    // PostgreSQL does not promise to aggregate in the subquery's order: the order is explicit.
    return sql<string | null>`string_agg(summary_json, ',' order by created_at, id)`;
  }

  /**
   * Several instances starting at once: the first migrates under a session advisory lock on
   * one connection, the others wait and then find nothing left to do. (Kysely's migrator takes
   * its own lock too, but only after creating its tables, which can race.)
   */
  async withMigrationLock(
    db: Kysely<Database>,
    migrate: (db: Kysely<Database>) => Promise<void>,
  ): Promise<void> {
    await db.connection().execute(async (connection) => {
      await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(connection);
      try {
        await migrate(connection);
      } finally {
        await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(connection);
      }
    });
  }

  retryWhileLocked<T>(operation: () => Promise<T>): Promise<T> {
    // Locks between PostgreSQL sessions are waited for by the server, not by this process.
    return operation();
  }

  /**
   * Identity values are taken at insert time but become visible at commit, so without this a
   * reader could see sequence 11 before 10 commits and page past 10. Appends hold one lock
   * until they commit, which makes sequence order commit order.
   */
  async beforeAppendingEvents(trx: Transaction<Database>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${sql.lit(EVENT_APPEND_LOCK_KEY)})`.execute(trx);
  }

  async lockCreationOrder(trx: Transaction<Database>, table: CreationTable): Promise<void> {
    const key = CREATION_LOCK_KEYS[table];
    await sql`select pg_advisory_xact_lock(${sql.lit(key)})`.execute(trx);
  }

  readSharedClock(): RawBuilder<number> {
    // clock_timestamp(), not now(): now() is the transaction's start, taken before the lock.
    return sql<number>`floor(extract(epoch from clock_timestamp()) * 1000)::bigint`;
  }

  async seed(plan: SeedPlan): Promise<void> {
    const client = await this.pool.connect();
    try {
      await seedPostgres(client, plan);
    } finally {
      client.release();
    }
  }

  poolStats(): PoolStats {
    const { pool } = this;
    return {
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: pool.options.max ?? 0,
    };
  }

  async close(): Promise<void> {
    // Kysely's destroy() ends the pool only if it ever used it.
    if (!this.pool.ended) await this.pool.end();
  }
}
