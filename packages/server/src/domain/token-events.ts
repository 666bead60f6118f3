/**
 * The admin side of a token's history: the CREATED, ROTATED and DELETED events the store
 * writes in the same transaction as the change they describe (uses are written in batches by the
 * UsageRecorder).
 * @module
 */
import type { TokenEventRecord, TokenEventType, TokenRecord } from './records.js';

/** One event of `token`'s history at `at` (epoch ms); `clientAddress` for mail logins. */
export function tokenEventOf(
  token: Pick<TokenRecord, 'id' | 'organizationId' | 'userId'>,
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
  };
}

/** The admin event `type` of `token` at `at` (epoch ms). */
export function adminEventOf(
  token: Pick<TokenRecord, 'id' | 'organizationId' | 'userId'>,
  type: Extract<TokenEventType, 'CREATED' | 'ROTATED' | 'DELETED'>,
  at: number,
): TokenEventRecord {
  return tokenEventOf(token, type, at);
}
