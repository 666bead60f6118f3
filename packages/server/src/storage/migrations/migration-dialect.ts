/**
 * The few schema details that differ between SQLite and PostgreSQL.
 * @module
 */
import { PostgresAdapter, sql } from 'kysely';
import type { ColumnDataType, Expression, Kysely } from 'kysely';

/** True when the migration runs on PostgreSQL. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The type of a text key that keyset pagination orders by. SQLite compares text byte by byte;
 * PostgreSQL uses the database's collation (e.g. en_US, which ignores '-' at first level)
 * unless told otherwise, so its keys are `collate "C"`: one order on every backend.
 */
export function keyText(db: Kysely<unknown>): ColumnDataType | Expression<unknown> {
  return isPostgres(db) ? sql`text collate "C"` : 'text';
}
