/**
 * @module The admin side of a token's history: CREATED, ROTATED and DELETED events, written right
 * after the change they describe (uses are written in batches by the UsageRecorder).
 */
import type { TokenEventType, TokenRecord } from '../storage/records.js';
import type { Store } from '../storage/store.js';

/** Appends one admin event for `token` at `at` (epoch ms). */
export async function recordAdminEvent(
  store: Pick<Store, 'recordTokenActivity'>,
  token: Pick<TokenRecord, 'id' | 'organizationId' | 'userId'>,
  type: Extract<TokenEventType, 'CREATED' | 'ROTATED' | 'DELETED'>,
  at: number,
): Promise<void> {
  await store.recordTokenActivity(
    [],
    [
      {
        organizationId: token.organizationId,
        tokenId: token.id,
        userId: token.userId,
        type,
        at,
        clientAddress: null,
      },
    ],
  );
}
