/** @module What a backend supplies to the shared KyselyStore besides its Kysely dialect. */
import type { RawBuilder } from 'kysely';
import type { SeedPlan } from './store.js';

/** The small per-backend part of a store: error mapping and the bulk loader. */
export interface StoreAdapter {
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
  /** Releases the driver after Kysely's destroy(), which skips a database it never used. */
  close(): Promise<void>;
}
