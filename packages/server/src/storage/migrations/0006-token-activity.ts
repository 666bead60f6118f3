/**
 * What the web app's token page shows: the address of a token's latest use, the token's name in
 * its events (so activity can name deleted tokens), and a user's latest events in one seek.
 * @module
 */
import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';

/**
 * Adds `personal_access_tokens.last_used_address`, `token_events.token_name` and the index
 * `token_events_by_user`. Events of tokens that still exist get their name (tokens cannot be
 * renamed, so it is the name they had); events of tokens deleted before this keep null.
 */
export const tokenActivityMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('personal_access_tokens')
      .addColumn('last_used_address', 'text')
      .execute();
    await db.schema.alterTable('token_events').addColumn('token_name', 'text').execute();
    await sql`
      update token_events set token_name = (
        select t.name from personal_access_tokens t
        where t.id = token_events.token_id and t.organization_id = token_events.organization_id)`.execute(
      db,
    );
    // listUserTokenEvents: newest first, a backward seek however many events others have.
    await db.schema
      .createIndex('token_events_by_user')
      .on('token_events')
      .columns(['organization_id', 'user_id', 'sequence'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('token_events_by_user').execute();
    await db.schema.alterTable('token_events').dropColumn('token_name').execute();
    await db.schema.alterTable('personal_access_tokens').dropColumn('last_used_address').execute();
  },
};
