/**
 * ListPersonalAccessTokens: keyset pages ordered by (DateCreated, PersonalAccessTokenId).
 * @module
 */
import { PreserializedJson } from '../../aws-json/preserialized-json.js';
import { fetchKeysetPage } from '../../domain/keyset-listing.js';
import {
  isOrganizationError,
  requireActiveOrganization,
  requireActiveState,
} from '../../domain/organizations.js';
import type { Store } from '../../storage/store.js';
import type { NextTokenCodec } from '../../tokens/next-token.js';
import { requireLiveUser } from '../../domain/users.js';
import { writeTokenListJson } from '../../tokens/token-summary.js';
import { defineOperation } from '../operation.js';
import type { ListPersonalAccessTokensRequest } from '@mailpat/model';

export const listPersonalAccessTokens = defineOperation({
  service: 'WorkMailService',
  name: 'ListPersonalAccessTokens',
  async handle(input: ListPersonalAccessTokensRequest, { store, nextTokens }) {
    const orgId = input.OrganizationId;
    if (input.UserId === undefined) return listOrganizationPage(input, store, nextTokens);
    await requireActiveOrganization(store, orgId);
    const userId =
      input.UserId === undefined
        ? undefined
        : (await requireLiveUser(store, orgId, input.UserId)).id;
    const { page, nextToken } = await fetchKeysetPage(
      {
        codec: nextTokens,
        // Bound to the resolved user, so an email and an ID for the same user continue each other.
        binding: { operation: 'ListPersonalAccessTokens', scope: `${orgId}|${userId ?? '*'}` },
        nextToken: input.NextToken,
        maxResults: input.MaxResults,
      },
      // The hot path: the page arrives as summary JSON joined by the database, used as it is.
      (after, limit) => store.listTokenSummaryPage(orgId, { after, limit, userId }),
      (summaries) => summaries.last,
    );
    return new PreserializedJson(writeTokenListJson(page.summariesJson, nextToken));
  },
});

/**
 * The hot path, every token of the organization: the organization's state comes with the page,
 * in one statement. The errors and their order are the general path's: when something fails
 * before the page is read (a bad NextToken), the organization is checked first.
 */
async function listOrganizationPage(
  input: ListPersonalAccessTokensRequest,
  store: Store,
  nextTokens: NextTokenCodec,
): Promise<PreserializedJson> {
  const orgId = input.OrganizationId;
  try {
    const { page, nextToken } = await fetchKeysetPage(
      {
        codec: nextTokens,
        binding: { operation: 'ListPersonalAccessTokens', scope: `${orgId}|*` },
        nextToken: input.NextToken,
        maxResults: input.MaxResults,
      },
      async (after, limit) => {
        const { organizationState, page } = await store.listOrganizationTokenSummaryPage(orgId, {
          after,
          limit,
        });
        requireActiveState(orgId, organizationState);
        return page;
      },
      (summaries) => summaries.last,
    );
    return new PreserializedJson(writeTokenListJson(page.summariesJson, nextToken));
  } catch (error) {
    if (!isOrganizationError(error)) await requireActiveOrganization(store, orgId);
    throw error;
  }
}
