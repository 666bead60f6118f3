/**
 * Deleting every token of a user or an organization (DeleteUser, DeleteOrganization) together
 * with the DELETED event of each, inside the caller's transaction.
 * @module
 */
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { StoreAdapter } from './store-adapter.js';

/** Whose tokens go: an organization's, or one user's of it. */
export interface TokenOwner {
  organizationId: string;
  userId?: string;
}

/**
 * Deletes the tokens of `owner` and appends one DELETED event per token at `at` (epoch ms),
 * with the token's user and name. Set-based (insert ... select, then delete), so an organization
 * of a million seeded tokens is never read into memory. Where the adapter locks rows, the tokens
 * are locked first, in id order (recordTokenActivity's order): then the events name exactly the
 * rows the delete removes (a concurrent DeletePersonalAccessToken has either committed, and
 * written its own event, or waits and finds nothing), and the event append lock is taken after
 * every row lock, as everywhere else.
 */
export async function deleteTokensWithEvents(
  trx: Transaction<Database>,
  adapter: StoreAdapter,
  owner: TokenOwner,
  at: number,
): Promise<void> {
  const tokensOfOwner = () =>
    trx
      .selectFrom('personal_access_tokens')
      .where('organization_id', '=', owner.organizationId)
      .$if(owner.userId !== undefined, (qb) => qb.where('user_id', '=', owner.userId!));
  if (adapter.locksRows) {
    // Counted rather than returned: the rows stay in the database.
    const locked = tokensOfOwner().select('id').orderBy('id').forUpdate().as('locked');
    const row = await trx
      .selectFrom(locked)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(row.count) === 0) return;
  }
  await adapter.beforeAppendingEvents(trx);
  await trx
    .insertInto('token_events')
    .columns(['organization_id', 'token_id', 'user_id', 'type', 'at', 'token_name'])
    .expression(
      tokensOfOwner()
        .select([
          'organization_id',
          'id',
          'user_id',
          sql.lit('DELETED').as('type'),
          // Typed, or PostgreSQL would take the parameter for text.
          sql<number>`cast(${at} as bigint)`.as('at'),
          'name',
        ])
        .orderBy('created_at')
        .orderBy('id'),
    )
    .execute();
  await trx
    .deleteFrom('personal_access_tokens')
    .where('organization_id', '=', owner.organizationId)
    .$if(owner.userId !== undefined, (qb) => qb.where('user_id', '=', owner.userId!))
    .execute();
}
