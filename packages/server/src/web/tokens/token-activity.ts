/**
 * The recent activity of the signed-in user's tokens, for the token list page.
 * @module
 */
import type { OrganizationRecord, UserRecord } from '../../domain/records.js';
import type { Store } from '../../storage/store.js';
import type { ActivityView } from '../pages/index.js';

/** Events shown on the list page. */
export const ACTIVITY_LIMIT = 20;

/**
 * The user's latest token events, newest first by time. The store lists them in the order they
 * were written; uses are written in batches, so a USED event can be a flush interval older than
 * an admin event written before it: sorting by time reads naturally.
 */
export async function listTokenActivity(
  store: Pick<Store, 'listUserTokenEvents'>,
  organization: OrganizationRecord,
  user: UserRecord,
): Promise<ActivityView[]> {
  const events = await store.listUserTokenEvents(organization.id, user.id, ACTIVITY_LIMIT);
  return events
    .map((event) => ({
      at: event.at,
      type: event.type,
      tokenId: event.tokenId,
      tokenName: event.tokenName,
      clientAddress: event.clientAddress,
      ...(event.expiryWarningDays === undefined
        ? {}
        : { expiryWarningDays: event.expiryWarningDays }),
    }))
    .sort((a, b) => b.at - a.at);
}
