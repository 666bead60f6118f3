/**
 * An index on the time of token events, for the retention cleanup.
 * @module
 */
import type { Kysely, Migration } from 'kysely';

/**
 * Old events are deleted in small batches, oldest first (deleteTokenEventsBefore): with this
 * index each batch is a range seek, not a scan of the whole table past every newer event.
 */
export const tokenEventTimeMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('token_events_by_time').on('token_events').column('at').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('token_events_by_time').execute();
  },
};
