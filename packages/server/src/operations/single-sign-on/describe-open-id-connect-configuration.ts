/**
 * MailpatService.DescribeOpenIdConnectConfiguration: the organization's provider and the
 * redirect URI to register there; never the client secret.
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { ResourceNotFoundException } from '../../errors/index.js';
import { defineOperation } from '../operation.js';
import type { DescribeOpenIdConnectConfigurationRequest } from '@mailpat/model';

export const describeOpenIdConnectConfiguration = defineOperation({
  service: 'MailpatService',
  name: 'DescribeOpenIdConnectConfiguration',
  async handle(input: DescribeOpenIdConnectConfigurationRequest, context) {
    const org = await requireActiveOrganization(context.store, input.OrganizationId);
    const provider = await context.store.getOidcProvider(org.id);
    if (!provider) {
      throw new ResourceNotFoundException(
        `Organization ${org.id} has no OpenID Connect configuration.`,
      );
    }
    return {
      ProviderName: provider.providerName,
      IssuerUrl: provider.issuerUrl,
      ClientId: provider.clientId,
      RedirectUri: context.singleSignOnRedirectUri(),
    };
  },
});
