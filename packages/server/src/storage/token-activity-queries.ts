/**
 * The queries behind mail login: the joined lookup introspection makes per request, the
 * batched write of uses and events, the event listing and the deletion of expired events.
 * KyselyStore delegates to these.
 * @module
 */
import { CompiledQuery, sql } from 'kysely';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { toPage } from './keyset.js';
import type {
  LoginSubject,
  TokenEventRecord,
  TokenEventType,
  TokenUse,
} from '../domain/records.js';
import { tokenFromListedRow, tokenFromRow, tokenToRow } from './rows/token-rows.js';
import type { Database, PersonalAccessTokensTable, TokenEventsTable } from './schema.js';
import type { Page } from './store.js';
import type { StoreAdapter } from './store-adapter.js';

/** Events per INSERT: 7 values each, far below SQLite's and PostgreSQL's bound-value limits. */
const EVENT_INSERT_CHUNK = 1000;

/** Every token column but summary_json, which a login does not need. */
type LoginSubjectRow = Omit<PersonalAccessTokensTable, 'summary_json'> & {
  email: string | null;
  user_state: string;
  organization_state: string;
  pat_status: string | null;
};

/**
 * The login lookup compiled by `db`'s dialect (`?` for SQLite, `$1` for PostgreSQL), once per
 * store: this runs on every mail login, where building and compiling even a sql template cost
 * more than the query.
 */
export function compileLoginSubjectSql(db: Kysely<Database>): string {
  return sql`
  select t.id, t.organization_id, t.user_id, t.name, t.scopes, t.secret_hash, t.created_at,
    t.expires_at, t.last_used_at, t.last_used_address,
    u.email, u.state as user_state, o.state as organization_state, o.pat_status
  from personal_access_tokens t
  join users u on u.organization_id = t.organization_id and u.id = t.user_id
  join organizations o on o.id = t.organization_id
  where t.secret_hash = ${''}`.compile(db).sql;
}

/**
 * One read: token, user state and email, organization state and PAT policy status.
 * `loginSubjectSql` is compileLoginSubjectSql's result for `db`.
 */
export async function findLoginSubject(
  db: Kysely<Database>,
  loginSubjectSql: string,
  secretHash: string,
): Promise<LoginSubject | undefined> {
  const { rows } = await db.executeQuery<LoginSubjectRow>(
    CompiledQuery.raw(loginSubjectSql, [secretHash]),
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    token: tokenFromListedRow(row, row.organization_id),
    userEmail: row.email,
    userState: row.user_state,
    organizationState: row.organization_state,
    patStatus: row.pat_status,
  };
}

/**
 * Folds uses into last_used_at and last_used_address (rewriting the stored summary) and appends
 * events. The address moves only with the time, so it stays the latest use's. Where the
 * adapter locks rows, each token row is locked before it is read (two instances flushing the
 * same token must not write back a stale last_used_at), in one global order so that two
 * flushes cannot deadlock.
 */
export async function recordTokenActivity(
  trx: Transaction<Database>,
  adapter: StoreAdapter,
  uses: readonly TokenUse[],
  events: readonly TokenEventRecord[],
): Promise<void> {
  const ordered = adapter.locksRows ? [...uses].sort(byTokenKey) : uses;
  for (const use of ordered) {
    const row = await trx
      .selectFrom('personal_access_tokens')
      .selectAll()
      .where('id', '=', use.tokenId)
      .where('organization_id', '=', use.organizationId)
      .$if(adapter.locksRows, (qb) => qb.forUpdate())
      .executeTakeFirst();
    if (!row || !isLaterUse(use, row)) continue;
    const { last_used_at, last_used_address, summary_json } = tokenToRow({
      ...tokenFromRow(row),
      lastUsedAt: use.usedAt,
      lastUsedAddress: use.clientAddress,
    });
    await trx
      .updateTable('personal_access_tokens')
      .set({ last_used_at, last_used_address, summary_json })
      .where('id', '=', use.tokenId)
      .where('organization_id', '=', use.organizationId)
      .execute();
  }
  await appendTokenEvents(trx, adapter, events);
}

/**
 * Appends events inside `trx`, after every row lock the transaction takes (the append lock is
 * taken last everywhere, so no two transactions can wait on each other through it).
 */
export async function appendTokenEvents(
  trx: Transaction<Database>,
  adapter: StoreAdapter,
  events: readonly TokenEventRecord[],
): Promise<void> {
  if (events.length > 0) await adapter.beforeAppendingEvents(trx);
  // One statement per chunk: SQLite allows at most 32,766 bound values per statement.
  for (let start = 0; start < events.length; start += EVENT_INSERT_CHUNK) {
    const chunk = events.slice(start, start + EVENT_INSERT_CHUNK);
    await trx.insertInto('token_events').values(chunk.map(eventToRow)).execute();
  }
}

/**
 * Deletes at most `limit` events older than `before` (epoch ms), oldest first, in one short
 * statement over the token_events_by_time index; returns how many went.
 */
export async function deleteTokenEventsBefore(
  db: Kysely<Database>,
  before: number,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('token_events')
    .where('sequence', 'in', (eb) =>
      eb
        .selectFrom('token_events')
        .select('sequence')
        .where('at', '<', before)
        .orderBy('at')
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
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

/** The newest `limit` events of one user's tokens, newest (highest sequence) first. */
export async function listUserTokenEvents(
  db: Kysely<Database>,
  organizationId: string,
  userId: string,
  limit: number,
): Promise<TokenEventRecord[]> {
  // A backward seek down token_events_by_user (0006-token-activity).
  const rows = await db
    .selectFrom('token_events')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .orderBy('sequence', 'desc')
    .limit(limit)
    .execute();
  return rows.map(eventFromRow);
}

/**
 * True when `use` comes after the stored last use. Two instances may flush uses of the same
 * millisecond from different addresses: the greater address wins then, so the stored address
 * does not depend on which flush commits last.
 */
function isLaterUse(
  use: TokenUse,
  row: Pick<PersonalAccessTokensTable, 'last_used_at' | 'last_used_address'>,
): boolean {
  if (row.last_used_at === null || row.last_used_at < use.usedAt) return true;
  if (row.last_used_at > use.usedAt || use.clientAddress === null) return false;
  return row.last_used_address === null || use.clientAddress > row.last_used_address;
}

function byTokenKey(a: TokenUse, b: TokenUse): number {
  const key = (use: TokenUse) => `${use.organizationId}\u0000${use.tokenId}`;
  const [left, right] = [key(a), key(b)];
  return left < right ? -1 : left > right ? 1 : 0;
}

function eventToRow(event: TokenEventRecord): Omit<TokenEventsTable, 'sequence'> {
  return {
    organization_id: event.organizationId,
    token_id: event.tokenId,
    user_id: event.userId,
    type: event.type,
    at: event.at,
    client_address: event.clientAddress,
    token_name: event.tokenName,
    expiry_warning_days: event.expiryWarningDays ?? null,
  };
}

function eventFromRow(row: Selectable<TokenEventsTable>): TokenEventRecord {
  return {
    sequence: row.sequence,
    organizationId: row.organization_id,
    tokenId: row.token_id,
    userId: row.user_id,
    type: row.type as TokenEventType,
    at: row.at,
    clientAddress: row.client_address,
    tokenName: row.token_name,
    ...(row.expiry_warning_days === null ? {} : { expiryWarningDays: row.expiry_warning_days }),
  };
}
