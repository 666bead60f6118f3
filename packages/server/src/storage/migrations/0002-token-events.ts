/**
 * Token events (created, rotated, deleted, used, refused) for ListPersonalAccessTokenEvents.
 * @module
 */
import type { Kysely, Migration } from 'kysely';
import { isPostgres, keyText } from './migration-dialect.js';

/**
 * `sequence` orders events by insertion, so an event written late (uses are flushed in batches)
 * still lands after every event a running pagination has seen. SQLite assigns it as the rowid
 * (`integer primary key autoincrement`); PostgreSQL as a `bigint` identity column.
 */
export const tokenEventsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('token_events')
      .addColumn('sequence', isPostgres(db) ? 'bigint' : 'integer', (c) =>
        isPostgres(db)
          ? c.primaryKey().generatedByDefaultAsIdentity()
          : c.primaryKey().autoIncrement(),
      )
      .addColumn('organization_id', keyText(db), (c) => c.notNull())
      .addColumn('token_id', keyText(db), (c) => c.notNull())
      .addColumn('user_id', keyText(db), (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('client_address', 'text')
      .execute();
    await db.schema
      .createIndex('token_events_by_organization')
      .on('token_events')
      .columns(['organization_id', 'sequence'])
      .execute();
    await db.schema
      .createIndex('token_events_by_token')
      .on('token_events')
      .columns(['organization_id', 'token_id', 'sequence'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('token_events').execute();
  },
};
