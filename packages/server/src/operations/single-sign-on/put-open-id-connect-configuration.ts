/**
 * MailpatService.PutOpenIdConnectConfiguration: stores the organization's OpenID Connect
 * provider for web sign-in, replacing any earlier one.
 * @module
 */
import { requireValidIssuerUrl } from '../../domain/oidc-issuer-url.js';
import { requireActiveOrganization } from '../../domain/organizations.js';
import { defineOperation } from '../operation.js';
import type { PutOpenIdConnectConfigurationRequest } from '@mailpat/model';

export const putOpenIdConnectConfiguration = defineOperation({
  service: 'MailpatService',
  name: 'PutOpenIdConnectConfiguration',
  async handle(input: PutOpenIdConnectConfigurationRequest, { store }) {
    const org = await requireActiveOrganization(store, input.OrganizationId);
    requireValidIssuerUrl(input.IssuerUrl);
    const now = Date.now();
    const current = await store.getOidcProvider(org.id);
    // The secret is stored as given (mailpat has no key to encrypt it with that the database
    // would not sit next to); no output, page or log ever carries it.
    await store.putOidcProvider({
      organizationId: org.id,
      providerName: input.ProviderName,
      issuerUrl: input.IssuerUrl,
      clientId: input.ClientId,
      clientSecret: input.ClientSecret,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    });
    return {};
  },
});
