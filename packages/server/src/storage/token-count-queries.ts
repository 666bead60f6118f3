/**
 * Counting tokens by state for metrics: two counts that an index answers alone.
 * @module
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { TokenStateCounts } from './store.js';

/**
 * Tokens unexpired and expired at `now` (epoch ms). Deleted tokens are gone from the table, so
 * these two are every token. Both counts read an index, never the rows (whose summary JSON makes
 * them wide): the total the smallest index, the unexpired the (expires_at, id) one of
 * 0008-expiry-warnings. Still linear in the number of tokens: callers cache the answer.
 */
export async function countTokensByState(
  db: Kysely<Database>,
  now: number,
): Promise<TokenStateCounts> {
  const total = await db
    .selectFrom('personal_access_tokens')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const active = await db
    .selectFrom('personal_access_tokens')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  const activeCount = Number(active.count);
  return { active: activeCount, expired: Math.max(0, Number(total.count) - activeCount) };
}
