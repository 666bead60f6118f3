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
 * TODO(lead, activity helper): return
 * `store.listUserTokenEvents(organization.id, user.id, ACTIVITY_LIMIT)` mapped to ActivityView
 * (`{ at, type, tokenId, tokenName, clientAddress }`). The only caller of listUserTokenEvents.
 */
export function listTokenActivity(
  _store: Store,
  _organization: OrganizationRecord,
  _user: UserRecord,
): Promise<ActivityView[]> {
  return Promise.resolve([]);
}
