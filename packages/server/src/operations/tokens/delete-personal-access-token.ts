/** @module DeletePersonalAccessToken: idempotent, as the model lists no not-found error for it. */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { defineOperation } from '../operation.js';

export const deletePersonalAccessToken = defineOperation({
  service: 'WorkMailService',
  name: 'DeletePersonalAccessToken',
  async handle(input: { OrganizationId: string; PersonalAccessTokenId: string }, { store }) {
    await requireActiveOrganization(store, input.OrganizationId);
    await store.deleteToken(input.OrganizationId, input.PersonalAccessTokenId);
    return {};
  },
});
