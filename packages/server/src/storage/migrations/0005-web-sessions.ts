/**
 * Browser sessions of the web app (issue 12).
 * @module
 */
import type { Kysely, Migration } from 'kysely';
import { keyText } from './migration-dialect.js';

/**
 * One row per signed-in browser, keyed by the SHA-256 of its cookie secret. The cleanup deletes
 * sessions idle too long or too old, so both times are indexed (each batch a range seek); the
 * user index serves deleteUser and deleteOrganization, which end a removed user's sessions.
 */
export const webSessionsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('web_sessions')
      .addColumn('id_hash', keyText(db), (c) => c.notNull())
      .addColumn('organization_id', keyText(db), (c) => c.notNull())
      .addColumn('user_id', keyText(db), (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('authenticated_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('web_sessions_pkey', ['id_hash'])
      .execute();
    await db.schema
      .createIndex('web_sessions_by_last_seen')
      .on('web_sessions')
      .column('last_seen_at')
      .execute();
    await db.schema
      .createIndex('web_sessions_by_created')
      .on('web_sessions')
      .column('created_at')
      .execute();
    await db.schema
      .createIndex('web_sessions_by_user')
      .on('web_sessions')
      .columns(['organization_id', 'user_id'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('web_sessions').execute();
  },
};
