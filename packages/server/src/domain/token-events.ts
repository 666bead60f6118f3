/**
 * The admin side of a token's history: the CREATED, ROTATED and DELETED events the store
 * writes in the same transaction as the change they describe (uses are written in batches by the
 * UsageRecorder).
 * @module
 */
import type { TokenEventRecord, TokenEventType, TokenRecord } from './records.js';

/** The part of a token its events name. */
export type EventToken = Pick<TokenRecord, 'id' | 'organizationId' | 'userId' | 'name'>;

/** One event of `token`'s history at `at` (epoch ms); `clientAddress` for mail logins. */
export function tokenEventOf(
  token: EventToken,
  type: TokenEventType,
  at: number,
  clientAddress: string | null = null,
): TokenEventRecord {
  return {
    organizationId: token.organizationId,
    tokenId: token.id,
    userId: token.userId,
    type,
    at,
    clientAddress,
    tokenName: token.name,
  };
}

/** The admin event `type` of `token` at `at` (epoch ms). */
export function adminEventOf(
  token: EventToken,
  type: Extract<TokenEventType, 'CREATED' | 'ROTATED' | 'DELETED'>,
  at: number,
): TokenEventRecord {
  return tokenEventOf(token, type, at);
}
