/**
 * The queries behind web sessions: one row per signed-in browser, read on every page.
 * KyselyStore delegates to these.
 * @module
 */
import type { Kysely, Transaction } from 'kysely';
import type { WebSessionRecord } from '../domain/records.js';
import { webSessionFromRow, webSessionToRow } from './rows/web-session-rows.js';
import type { Database } from './schema.js';

/** Stores a new session. */
export async function insertWebSession(
  db: Kysely<Database>,
  session: WebSessionRecord,
): Promise<void> {
  await db.insertInto('web_sessions').values(webSessionToRow(session)).execute();
}

/** The session stored under `idHash`, if any. */
export async function getWebSession(
  db: Kysely<Database>,
  idHash: string,
): Promise<WebSessionRecord | undefined> {
  const row = await db
    .selectFrom('web_sessions')
    .selectAll()
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  return row && webSessionFromRow(row);
}

/** Moves lastSeenAt (and authenticatedAt when given); a session gone meanwhile stays gone. */
export async function touchWebSession(
  db: Kysely<Database>,
  idHash: string,
  patch: { lastSeenAt: number; authenticatedAt?: number },
): Promise<void> {
  await db
    .updateTable('web_sessions')
    .set({
      last_seen_at: patch.lastSeenAt,
      ...(patch.authenticatedAt === undefined ? {} : { authenticated_at: patch.authenticatedAt }),
    })
    .where('id_hash', '=', idHash)
    .execute();
}

/** Removes the session, if stored. */
export async function deleteWebSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('web_sessions').where('id_hash', '=', idHash).execute();
}

/**
 * Deletes at most `limit` sessions idle since before `idleBefore` or created before
 * `createdBefore`; returns how many went. A bounded batch keeps each write lock short.
 */
export async function deleteExpiredWebSessions(
  db: Kysely<Database>,
  idleBefore: number,
  createdBefore: number,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('web_sessions')
    .where('id_hash', 'in', (eb) =>
      eb
        .selectFrom('web_sessions')
        .select('id_hash')
        .where((w) =>
          w.or([w('last_seen_at', '<', idleBefore), w('created_at', '<', createdBefore)]),
        )
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends the sessions of one user (`userId`) or of every user of the organization. */
export async function deleteSessionsOf(
  trx: Transaction<Database>,
  organizationId: string,
  userId?: string,
): Promise<void> {
  await trx
    .deleteFrom('web_sessions')
    .where('organization_id', '=', organizationId)
    .$if(userId !== undefined, (qb) => qb.where('user_id', '=', userId!))
    .execute();
}
