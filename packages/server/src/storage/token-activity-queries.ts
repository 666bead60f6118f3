/**
 * @module The queries behind mail login: the joined lookup introspection makes per request, the
 * batched write of uses and events, and the event listing. KyselyStore delegates to these.
 */
import type { Kysely, Transaction } from 'kysely';
import { toPage } from './keyset.js';
import type { LoginSubject, TokenEventRecord, TokenEventType, TokenUse } from './records.js';
import { tokenFromRow, tokenToRow } from './rows/token-rows.js';
import type { Database, TokenEventsTable } from './schema.js';
import type { Page } from './store.js';

/** One read: token, user state and email, organization state and PAT policy status. */
export async function findLoginSubject(
  db: Kysely<Database>,
  secretHash: string,
): Promise<LoginSubject | undefined> {
  const row = await db
    .selectFrom('personal_access_tokens as t')
    .innerJoin('users as u', (join) =>
      join.onRef('u.organization_id', '=', 't.organization_id').onRef('u.id', '=', 't.user_id'),
    )
    .innerJoin('organizations as o', 'o.id', 't.organization_id')
    .selectAll('t')
    .select(['u.email', 'u.state as user_state', 'o.state as organization_state', 'o.pat_status'])
    .where('t.secret_hash', '=', secretHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    token: tokenFromRow(row),
    userEmail: row.email,
    userState: row.user_state,
    organizationState: row.organization_state,
    patStatus: row.pat_status,
  };
}

/** Folds uses into last_used_at (rewriting the stored summary) and appends events. */
export async function recordTokenActivity(
  trx: Transaction<Database>,
  uses: readonly TokenUse[],
  events: readonly TokenEventRecord[],
): Promise<void> {
  for (const use of uses) {
    const row = await trx
      .selectFrom('personal_access_tokens')
      .selectAll()
      .where('id', '=', use.tokenId)
      .where('organization_id', '=', use.organizationId)
      .executeTakeFirst();
    if (!row || (row.last_used_at !== null && row.last_used_at >= use.usedAt)) continue;
    const { last_used_at, summary_json } = tokenToRow({
      ...tokenFromRow(row),
      lastUsedAt: use.usedAt,
    });
    await trx
      .updateTable('personal_access_tokens')
      .set({ last_used_at, summary_json })
      .where('id', '=', use.tokenId)
      .where('organization_id', '=', use.organizationId)
      .execute();
  }
  if (events.length > 0) {
    await trx.insertInto('token_events').values(events.map(eventToRow)).execute();
  }
}

/** Events in insertion order after `afterSequence`, `limit + 1` read to learn if more remain. */
export async function listTokenEvents(
  db: Kysely<Database>,
  organizationId: string,
  query: { afterSequence?: number; limit: number; tokenId?: string },
): Promise<Page<TokenEventRecord>> {
  let select = db
    .selectFrom('token_events')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('sequence', '>', query.afterSequence ?? 0);
  if (query.tokenId !== undefined) select = select.where('token_id', '=', query.tokenId);
  const rows = await select
    .orderBy('sequence')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, eventFromRow);
}

function eventToRow(event: TokenEventRecord): Omit<TokenEventsTable, 'sequence'> {
  return {
    organization_id: event.organizationId,
    token_id: event.tokenId,
    user_id: event.userId,
    type: event.type,
    at: event.at,
    client_address: event.clientAddress,
  };
}

function eventFromRow(row: {
  sequence: number;
  organization_id: string;
  token_id: string;
  user_id: string;
  type: string;
  at: number;
  client_address: string | null;
}): TokenEventRecord {
  return {
    sequence: row.sequence,
    organizationId: row.organization_id,
    tokenId: row.token_id,
    userId: row.user_id,
    type: row.type as TokenEventType,
    at: row.at,
    clientAddress: row.client_address,
  };
}
