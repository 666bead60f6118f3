/**
 * MailpatService.CreatePersonalAccessToken: the only place a new secret is shown.
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import {
  DEFAULT_TOKEN_SCOPES,
  mintToken,
  requireActivePatPolicy,
} from '../../domain/personal-access-tokens.js';
import { adminEventOf } from '../../domain/token-events.js';
import { requireEnabledUser } from '../../domain/users.js';
import { toEpochSeconds } from '../../domain/wire-time.js';
import { EntityStateException } from '../../errors/index.js';
import { UserNotEnabledError } from '../../storage/storage-errors.js';
import { defineOperation } from '../operation.js';
import type { CreatePersonalAccessTokenRequest } from '@mailpat/model';

export const createPersonalAccessToken = defineOperation({
  service: 'MailpatService',
  name: 'CreatePersonalAccessToken',
  async handle(input: CreatePersonalAccessTokenRequest, { store, clock }) {
    const org = await requireActiveOrganization(store, input.OrganizationId);
    const policy = requireActivePatPolicy(org);
    const user = await requireEnabledUser(store, org.id, input.UserId);
    const scopes = [...new Set(input.Scopes ?? DEFAULT_TOKEN_SCOPES)];
    const minted = mintToken(
      clock,
      { organizationId: org.id, userId: user.id, name: input.Name, scopes },
      policy,
      input.ExpiresInDays,
    );
    // The store stamps the creation time (see Store.insertToken): answer with the stored one.
    const token = await store
      .insertToken(minted.token, adminEventOf(minted.token, 'CREATED', minted.token.createdAt))
      .catch((error: unknown) => {
        if (error instanceof UserNotEnabledError) {
          throw new EntityStateException(`User ${input.UserId} is no longer ENABLED.`);
        }
        throw error;
      });
    return {
      PersonalAccessTokenId: token.id,
      Token: minted.secret,
      DateCreated: toEpochSeconds(token.createdAt),
      ExpiresTime: toEpochSeconds(token.expiresAt),
      Scopes: token.scopes,
    };
  },
});
