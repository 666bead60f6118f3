/** @module ListPersonalAccessTokens: keyset pages ordered by (DateCreated, PersonalAccessTokenId). */
import { PreserializedJson } from '../../aws-json/preserialized-json.js';
import { DEFAULT_PAGE_SIZE } from '../../domain/keyset-listing.js';
import { requireActiveOrganization } from '../../domain/organizations.js';
import { requireLiveUser } from '../../domain/users.js';
import { defineOperation } from '../operation.js';

interface ListPersonalAccessTokensInput {
  OrganizationId: string;
  UserId?: string;
  NextToken?: string;
  MaxResults?: number;
}

export const listPersonalAccessTokens = defineOperation({
  service: 'WorkMailService',
  name: 'ListPersonalAccessTokens',
  async handle(input: ListPersonalAccessTokensInput, { store, nextTokens }) {
    const orgId = input.OrganizationId;
    await requireActiveOrganization(store, orgId);
    const userId =
      input.UserId === undefined
        ? undefined
        : (await requireLiveUser(store, orgId, input.UserId)).id;
    // Bound to the resolved user, so an email and an ID for the same user continue each other.
    const binding = { operation: 'ListPersonalAccessTokens', scope: `${orgId}|${userId ?? '*'}` };
    const after =
      input.NextToken === undefined ? undefined : nextTokens.decode(input.NextToken, binding);
    // The hot path: the page arrives as summary JSON joined by the database, used as it is.
    const page = await store.listTokenSummaryPage(orgId, {
      after,
      limit: input.MaxResults ?? DEFAULT_PAGE_SIZE,
      userId,
    });
    const next =
      page.hasMore && page.last ? `,"NextToken":"${nextTokens.encode(binding, page.last)}"` : '';
    return new PreserializedJson(`{"PersonalAccessTokenSummaries":[${page.summariesJson}]${next}}`);
  },
});
