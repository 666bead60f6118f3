/**
 * GetPersonalAccessTokenMetadata.
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { requireToken } from '../../domain/personal-access-tokens.js';
import { toTokenSummary } from '../../tokens/token-summary.js';
import { defineOperation } from '../operation.js';
import type { GetPersonalAccessTokenMetadataRequest } from '@mailpat/model';

export const getPersonalAccessTokenMetadata = defineOperation({
  service: 'WorkMailService',
  name: 'GetPersonalAccessTokenMetadata',
  async handle(input: GetPersonalAccessTokenMetadataRequest, { store }) {
    await requireActiveOrganization(store, input.OrganizationId);
    const token = await requireToken(store, input.OrganizationId, input.PersonalAccessTokenId);
    return toTokenSummary(token);
  },
});
