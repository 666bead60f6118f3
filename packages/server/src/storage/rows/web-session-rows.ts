/**
 * Web sessions between their record and their row.
 * @module
 */
import type { WebSessionMethod, WebSessionRecord } from '../../domain/records.js';
import type { WebSessionsTable } from '../schema.js';

/** The row that stores a session. */
export function webSessionToRow(session: WebSessionRecord): WebSessionsTable {
  return {
    id_hash: session.idHash,
    organization_id: session.organizationId,
    user_id: session.userId,
    method: session.method,
    csrf_token: session.csrfToken,
    created_at: session.createdAt,
    authenticated_at: session.authenticatedAt,
    last_seen_at: session.lastSeenAt,
  };
}

/** The session a row stores. */
export function webSessionFromRow(row: WebSessionsTable): WebSessionRecord {
  return {
    idHash: row.id_hash,
    organizationId: row.organization_id,
    userId: row.user_id,
    method: row.method as WebSessionMethod,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    authenticatedAt: row.authenticated_at,
    lastSeenAt: row.last_seen_at,
  };
}
