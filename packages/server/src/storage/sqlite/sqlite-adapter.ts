/** @module The SQLite part of the store: error mapping and the raw bulk loader. */
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { SeedPlan } from '../store.js';
import type { StoreAdapter } from '../store-adapter.js';
import { translateSqliteError } from './sqlite-errors.js';
import { seedSqlite } from './sqlite-seed.js';

/** The StoreAdapter of SQLite; it needs the raw database for seed's prepared statements. */
export class SqliteAdapter implements StoreAdapter {
  constructor(private readonly database: BetterSqlite3.Database) {}

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
    return seedSqlite(this.database, plan);
  }

  close(): Promise<void> {
    if (this.database.open) this.database.close();
    return Promise.resolve();
  }
}
