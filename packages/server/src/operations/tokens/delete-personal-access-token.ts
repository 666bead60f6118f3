/**
 * DeletePersonalAccessToken: idempotent, as the model lists no not-found error for it.
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { adminEventOf } from '../../domain/token-events.js';
import { defineOperation } from '../operation.js';
import type { DeletePersonalAccessTokenRequest } from '@mailpat/model';

export const deletePersonalAccessToken = defineOperation({
  service: 'WorkMailService',
  name: 'DeletePersonalAccessToken',
  async handle(input: DeletePersonalAccessTokenRequest, { store }) {
    await requireActiveOrganization(store, input.OrganizationId);
    // Read first: the DELETED event names the token's user, which is gone after the delete (a
    // token's user never changes, so the read cannot go stale).
    const token = await store.getToken(input.OrganizationId, input.PersonalAccessTokenId);
    if (token)
      await store.deleteToken(
        token.organizationId,
        token.id,
        adminEventOf(token, 'DELETED', Date.now()),
      );
    return {};
  },
});
