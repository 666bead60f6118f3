/**
 * ListPersonalAccessTokens: keyset pages ordered by (DateCreated, PersonalAccessTokenId).
 * @module
 */
import { PreserializedJson } from '../../aws-json/preserialized-json.js';
import { fetchKeysetPage } from '../../domain/keyset-listing.js';
import { requireActiveOrganization } from '../../domain/organizations.js';
import { requireLiveUser } from '../../domain/users.js';
import { writeTokenListJson } from '../../tokens/token-summary.js';
import { defineOperation } from '../operation.js';
import type { ListPersonalAccessTokensRequest } from '@mailpat/model';

export const listPersonalAccessTokens = defineOperation({
  service: 'WorkMailService',
  name: 'ListPersonalAccessTokens',
  async handle(input: ListPersonalAccessTokensRequest, { store, nextTokens }) {
    const orgId = input.OrganizationId;
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
