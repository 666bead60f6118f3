/**
 * ListMailDomains: the organization's mail domains, its default `<alias>.awsapps.com` included,
 * in keyset pages by domain name.
 * @module
 */
import { listKeysetPage } from '../../domain/keyset-listing.js';
import { mailDomainCursor, pageOfMailDomains } from '../../domain/mail-domain-page.js';
import { requireActiveOrganization } from '../../domain/organizations.js';
import { defineOperation } from '../operation.js';
import type { ListMailDomainsRequest } from '@mailpat/model';

export const listMailDomains = defineOperation({
  service: 'WorkMailService',
  name: 'ListMailDomains',
  async handle(input: ListMailDomainsRequest, { store, nextTokens }) {
    const org = await requireActiveOrganization(store, input.OrganizationId);
    const page = await listKeysetPage({
      codec: nextTokens,
      // A token continues the listing of the organization it was issued for, and no other.
      binding: { operation: 'ListMailDomains', scope: org.id },
      nextToken: input.NextToken,
      maxResults: input.MaxResults,
      fetch: async (after, limit) => pageOfMailDomains(org.domains, after, limit),
      cursorOf: mailDomainCursor,
    });
    return {
      MailDomains: page.items.map((domain) => ({
        DomainName: domain,
        DefaultDomain: domain === org.defaultMailDomain,
      })),
      NextToken: page.nextToken,
    };
  },
});
