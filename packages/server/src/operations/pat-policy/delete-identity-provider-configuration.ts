/**
 * DeleteIdentityProviderConfiguration: removes the policy; tokens stop working.
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { defineOperation } from '../operation.js';
import type { DeleteIdentityProviderConfigurationRequest } from '@mailpat/model';

export const deleteIdentityProviderConfiguration = defineOperation({
  service: 'WorkMailService',
  name: 'DeleteIdentityProviderConfiguration',
  async handle(input: DeleteIdentityProviderConfigurationRequest, { store }) {
    await requireActiveOrganization(store, input.OrganizationId);
    await store.updateOrganization(input.OrganizationId, {
      patConfiguration: null,
      identityCenter: null,
    });
    return {};
  },
});
