/**
 * Keyset pagination over (created_at, id): the cursor condition and the page cut.
 * @module
 */
import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type { KeysetCursor } from '../domain/records.js';
import type { Page } from './store.js';

/**
 * `(created_at, id) > (?, ?)`: rows strictly after the cursor. A row-value comparison (SQLite
 * 3.15+, PostgreSQL) lets the (…, created_at, id) index seek straight to the position, where
 * OFFSET would walk every skipped row.
 */
export function isAfterCursor(cursor: KeysetCursor): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref('created_at')}, ${sql.ref('id')}) > (${cursor.createdAt}, ${cursor.id})`;
}

/** The page out of `limit + 1` fetched rows: the extra row only tells that more remain. */
export function toPage<Row, Item>(rows: Row[], limit: number, map: (row: Row) => Item): Page<Item> {
  const count = Math.min(rows.length, limit);
  const items = new Array<Item>(count);
  for (let i = 0; i < count; i++) {
    items[i] = map(rows[i] as Row);
  }
  return { items, hasMore: rows.length > limit };
}
