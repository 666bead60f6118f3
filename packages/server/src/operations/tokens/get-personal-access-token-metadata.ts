/**
 * GetPersonalAccessTokenMetadata.
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { requireToken } from '../../domain/personal-access-tokens.js';
import { toTokenSummary } from '../../tokens/token-summary.js';
import { defineOperation } from '../operation.js';

export const getPersonalAccessTokenMetadata = defineOperation({
  service: 'WorkMailService',
  name: 'GetPersonalAccessTokenMetadata',
  async handle(input: { OrganizationId: string; PersonalAccessTokenId: string }, { store }) {
    await requireActiveOrganization(store, input.OrganizationId);
    const token = await requireToken(store, input.OrganizationId, input.PersonalAccessTokenId);
    return toTokenSummary(token);
  },
});
