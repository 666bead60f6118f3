/** @module DeletePersonalAccessToken: idempotent, as the model lists no not-found error for it. */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { recordAdminEvent } from '../../domain/token-events.js';
import { defineOperation } from '../operation.js';

export const deletePersonalAccessToken = defineOperation({
  service: 'WorkMailService',
  name: 'DeletePersonalAccessToken',
  async handle(input: { OrganizationId: string; PersonalAccessTokenId: string }, { store }) {
    await requireActiveOrganization(store, input.OrganizationId);
    // Read first: the DELETED event names the token's user, which is gone after the delete.
    const token = await store.getToken(input.OrganizationId, input.PersonalAccessTokenId);
    const deleted = await store.deleteToken(input.OrganizationId, input.PersonalAccessTokenId);
    if (token && deleted) await recordAdminEvent(store, token, 'DELETED', Date.now());
    return {};
  },
});
