/**
 * The queries behind expiry warnings: find tokens that expire soon, claim one warning so that
 * exactly one instance mails it, record it as sent (with its event), or give the claim back.
 * KyselyStore delegates to these.
 * @module
 */
import { sql } from 'kysely';
import type { Kysely, SqlBool, Transaction } from 'kysely';
import type { TokenEventRecord } from '../domain/records.js';
import { tokenFromRow } from './rows/token-rows.js';
import type { Database } from './schema.js';
import type { StoreAdapter } from './store-adapter.js';
import type {
  ExpiryWarningCandidate,
  ExpiryWarningCandidateQuery,
  ExpiryWarningClaim,
} from './store.js';
import { appendTokenEvents } from './token-activity-queries.js';

/**
 * Tokens expiring in the query's range whose owner could be warned: the user ENABLED with an
 * address, the organization Active with an ACTIVE token policy, the last warning sent one of
 * `owedIf`'s. In (expiresAt, id) order, a keyset page over personal_access_tokens_by_expiry.
 */
export async function listExpiryWarningCandidates(
  db: Kysely<Database>,
  query: ExpiryWarningCandidateQuery,
): Promise<ExpiryWarningCandidate[]> {
  const { after } = query;
  const rows = await db
    .selectFrom('personal_access_tokens as t')
    .innerJoin('users as u', (join) =>
      join.onRef('u.organization_id', '=', 't.organization_id').onRef('u.id', '=', 't.user_id'),
    )
    .innerJoin('organizations as o', 'o.id', 't.organization_id')
    .select([
      't.id',
      't.organization_id',
      't.user_id',
      't.name',
      't.scopes',
      't.secret_hash',
      't.summary_json',
      't.created_at',
      't.expires_at',
      't.last_used_at',
      't.last_used_address',
      't.expiry_warned_days',
      'u.email',
      'u.display_name',
    ])
    .where('t.expires_at', '>', query.expiresAfter)
    .where('t.expires_at', '<', query.expiresBefore)
    .$if(after !== undefined, (qb) =>
      qb.where(
        sql<SqlBool>`(${sql.ref('t.expires_at')}, ${sql.ref('t.id')}) > (${after!.expiresAt}, ${after!.id})`,
      ),
    )
    .where((eb) =>
      eb.or(
        query.owedIf.map(({ warnedDays, expiresBefore }) =>
          eb.and([
            warnedDays === null
              ? eb('t.expiry_warned_days', 'is', null)
              : eb('t.expiry_warned_days', '=', warnedDays),
            eb('t.expires_at', '<', expiresBefore),
          ]),
        ),
      ),
    )
    .where('u.state', '=', 'ENABLED')
    .where('u.email', 'is not', null)
    .where('o.state', '=', 'Active')
    .where('o.pat_status', '=', 'ACTIVE')
    .orderBy('t.expires_at')
    .orderBy('t.id')
    .limit(query.limit)
    .execute();
  return rows.map((row) => ({
    token: tokenFromRow(row),
    user: { email: row.email!, displayName: row.display_name },
    warnedDays: row.expiry_warned_days,
  }));
}

/**
 * Claims the warning: true when this caller may send it. The claim holds only while the token
 * still has the expiry it was for, no warning as tight was sent, no other claim is live, and
 * its user is still ENABLED; it lapses at `leaseUntil` so a crashed sender's warning is sent later.
 */
export async function claimExpiryWarning(
  db: Kysely<Database>,
  claim: ExpiryWarningClaim,
): Promise<boolean> {
  const result = await db
    .updateTable('personal_access_tokens')
    .set({ expiry_warning_lease_until: claim.leaseUntil })
    .where('organization_id', '=', claim.organizationId)
    .where('id', '=', claim.tokenId)
    .where('expires_at', '=', claim.expiresAt)
    .where((eb) =>
      eb.or([
        eb('expiry_warned_days', 'is', null),
        eb('expiry_warned_days', '>', claim.thresholdDays),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb('expiry_warning_lease_until', 'is', null),
        eb('expiry_warning_lease_until', '<=', claim.now),
      ]),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('users')
          .select('users.id')
          .whereRef('users.organization_id', '=', 'personal_access_tokens.organization_id')
          .whereRef('users.id', '=', 'personal_access_tokens.user_id')
          .where('users.state', '=', 'ENABLED'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records the claimed warning as sent and appends its EXPIRY_WARNING_SENT `event`, in one
 * transaction. The event is written even when the token was rotated or deleted meanwhile: the
 * mail went out.
 */
export async function completeExpiryWarning(
  trx: Transaction<Database>,
  adapter: StoreAdapter,
  claim: ExpiryWarningClaim,
  event: TokenEventRecord,
): Promise<void> {
  await trx
    .updateTable('personal_access_tokens')
    .set({ expiry_warned_days: claim.thresholdDays, expiry_warning_lease_until: null })
    .where('organization_id', '=', claim.organizationId)
    .where('id', '=', claim.tokenId)
    .where('expires_at', '=', claim.expiresAt)
    .where('expiry_warning_lease_until', '=', claim.leaseUntil)
    .execute();
  await appendTokenEvents(trx, adapter, [event]);
}

/** Gives back a claim whose mail could not be sent, so the next check tries again. */
export async function releaseExpiryWarning(
  db: Kysely<Database>,
  claim: ExpiryWarningClaim,
): Promise<void> {
  await db
    .updateTable('personal_access_tokens')
    .set({ expiry_warning_lease_until: null })
    .where('organization_id', '=', claim.organizationId)
    .where('id', '=', claim.tokenId)
    .where('expiry_warning_lease_until', '=', claim.leaseUntil)
    .execute();
}
