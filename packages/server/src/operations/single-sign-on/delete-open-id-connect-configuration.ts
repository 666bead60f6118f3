/**
 * MailpatService.DeleteOpenIdConnectConfiguration: removes the organization's provider, so
 * single sign-on stops for its users (sessions already signed in stay).
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { ResourceNotFoundException } from '../../errors/index.js';
import { defineOperation } from '../operation.js';
import type { DeleteOpenIdConnectConfigurationRequest } from '@mailpat/model';

export const deleteOpenIdConnectConfiguration = defineOperation({
  service: 'MailpatService',
  name: 'DeleteOpenIdConnectConfiguration',
  async handle(input: DeleteOpenIdConnectConfigurationRequest, { store }) {
    const org = await requireActiveOrganization(store, input.OrganizationId);
    if (!(await store.deleteOidcProvider(org.id))) {
      throw new ResourceNotFoundException(
        `Organization ${org.id} has no OpenID Connect configuration.`,
      );
    }
    return {};
  },
});
