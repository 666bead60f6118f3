/**
 * ListUsers: keyset pages in creation order, with WorkMail's prefix filters.
 * @module
 */
import { listKeysetPage } from '../../domain/keyset-listing.js';
import { requireActiveOrganization } from '../../domain/organizations.js';
import { defineOperation } from '../operation.js';
import { toUserSummary } from './user-output.js';
import type { ListUsersRequest } from '@mailpat/model';

export const listUsers = defineOperation({
  service: 'WorkMailService',
  name: 'ListUsers',
  async handle(input: ListUsersRequest, { store, nextTokens }) {
    await requireActiveOrganization(store, input.OrganizationId);
    const f = input.Filters ?? {};
    const filters = {
      usernamePrefix: f.UsernamePrefix,
      displayNamePrefix: f.DisplayNamePrefix,
      primaryEmailPrefix: f.PrimaryEmailPrefix,
      state: f.State,
      identityProviderUserIdPrefix: f.IdentityProviderUserIdPrefix,
    };
    const page = await listKeysetPage({
      codec: nextTokens,
      // A token only continues the listing with the same filters.
      binding: {
        operation: 'ListUsers',
        scope: `${input.OrganizationId}|${JSON.stringify(filters)}`,
      },
      nextToken: input.NextToken,
      maxResults: input.MaxResults,
      fetch: (after, limit) => store.listUsers(input.OrganizationId, { after, limit, filters }),
      cursorOf: (user) => ({ createdAt: user.createdAt, id: user.id }),
    });
    return { Users: page.items.map(toUserSummary), NextToken: page.nextToken };
  },
});
