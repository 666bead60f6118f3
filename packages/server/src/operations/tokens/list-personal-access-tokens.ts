/** @module ListPersonalAccessTokens: keyset pages ordered by (DateCreated, PersonalAccessTokenId). */
import { PreserializedJson } from '../../aws-json/preserialized-json.js';
import { listKeysetPage } from '../../domain/keyset-listing.js';
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
    const page = await listKeysetPage({
      codec: nextTokens,
      // Bound to the resolved user, so an email and an ID for the same user continue each other.
      binding: { operation: 'ListPersonalAccessTokens', scope: `${orgId}|${userId ?? '*'}` },
      nextToken: input.NextToken,
      maxResults: input.MaxResults,
      // The hot path: summaries arrive as JSON written by the database, joined here as they are.
      fetch: (after, limit) => store.listTokenSummaries(orgId, { after, limit, userId }),
      cursorOf: (summary) => summary.cursor,
    });
    const summaries = page.items.map((summary) => summary.json).join(',');
    const nextToken = page.nextToken === undefined ? '' : `,"NextToken":"${page.nextToken}"`;
    return new PreserializedJson(`{"PersonalAccessTokenSummaries":[${summaries}]${nextToken}}`);
  },
});
