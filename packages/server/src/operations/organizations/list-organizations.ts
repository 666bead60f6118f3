/**
 * ListOrganizations: keyset pages in creation order.
 * @module
 */
import { listKeysetPage } from '../../domain/keyset-listing.js';
import { defineOperation } from '../operation.js';
import type { ListOrganizationsRequest } from '@mailpat/model';

export const listOrganizations = defineOperation({
  service: 'WorkMailService',
  name: 'ListOrganizations',
  async handle(input: ListOrganizationsRequest, { store, nextTokens }) {
    const page = await listKeysetPage({
      codec: nextTokens,
      binding: { operation: 'ListOrganizations', scope: '*' },
      nextToken: input.NextToken,
      maxResults: input.MaxResults,
      fetch: (after, limit) => store.listOrganizations({ after, limit }),
      cursorOf: (org) => ({ createdAt: org.createdAt, id: org.id }),
    });
    return {
      OrganizationSummaries: page.items.map((org) => ({
        OrganizationId: org.id,
        Alias: org.alias,
        DefaultMailDomain: org.defaultMailDomain,
        State: org.state,
      })),
      NextToken: page.nextToken,
    };
  },
});
