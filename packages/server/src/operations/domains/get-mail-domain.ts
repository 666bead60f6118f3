/**
 * GetMailDomain: whether a domain of the organization is its default and test domain, and its
 * verification state as WorkMail reports it.
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { MailDomainNotFoundException } from '../../errors/index.js';
import { defineOperation } from '../operation.js';
import type { GetMailDomainRequest } from '@mailpat/model';

export const getMailDomain = defineOperation({
  service: 'WorkMailService',
  name: 'GetMailDomain',
  async handle(input: GetMailDomainRequest, { store }) {
    const org = await requireActiveOrganization(store, input.OrganizationId);
    // Stored lowercased (domain/mail-domains.ts): mail domains are case-insensitive.
    const domain = input.DomainName.toLowerCase();
    if (!org.domains.includes(domain)) {
      throw new MailDomainNotFoundException(
        `The mail domain ${input.DomainName} is not a domain of organization ${org.id}.`,
      );
    }
    // The default domain is always the test domain: mailpat has no UpdateDefaultMailDomain.
    const isTestDomain = domain === org.defaultMailDomain;
    return {
      // mailpat receives no mail and checks no DNS, so it asks for no records.
      Records: [],
      IsTestDomain: isTestDomain,
      IsDefault: isTestDomain,
      // A registered domain takes addresses at once (RegisterToWorkMail), which WorkMail
      // allows only for a verified domain: mailpat takes the administrator's word for it, and
      // PENDING would promise a check that never comes.
      OwnershipVerificationStatus: 'VERIFIED',
      DkimVerificationStatus: 'VERIFIED',
    };
  },
});
