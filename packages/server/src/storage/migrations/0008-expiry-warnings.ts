/**
 * What the expiry-warning check needs: per token, which warning was sent for its current expiry
 * and who is sending one now; per event, the warning's threshold; and a way to find the tokens
 * that expire soon without reading every token.
 * @module
 */
import type { Kysely, Migration } from 'kysely';

/**
 * Adds `personal_access_tokens.expiry_warned_days` (the tightest threshold already mailed for the
 * token's current expiry; rotation clears it), `expiry_warning_lease_until` (an instance's claim
 * while it mails, so two instances never send the same warning and a crashed one's claim lapses),
 * `token_events.expiry_warning_days` and the index `personal_access_tokens_by_expiry`.
 */
export const expiryWarningsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('personal_access_tokens')
      .addColumn('expiry_warned_days', 'integer')
      .execute();
    await db.schema
      .alterTable('personal_access_tokens')
      .addColumn('expiry_warning_lease_until', 'bigint')
      .execute();
    await db.schema
      .alterTable('token_events')
      .addColumn('expiry_warning_days', 'integer')
      .execute();
    // The hourly check reads the tokens expiring in the next 61 days: a range seek, whatever the
    // number of tokens that expire later.
    await db.schema
      .createIndex('personal_access_tokens_by_expiry')
      .on('personal_access_tokens')
      .columns(['expires_at', 'id'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('personal_access_tokens_by_expiry').execute();
    await db.schema.alterTable('token_events').dropColumn('expiry_warning_days').execute();
    await db.schema
      .alterTable('personal_access_tokens')
      .dropColumn('expiry_warning_lease_until')
      .execute();
    await db.schema.alterTable('personal_access_tokens').dropColumn('expiry_warned_days').execute();
  },
};
