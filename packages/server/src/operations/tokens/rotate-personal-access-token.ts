/**
 * MailpatService.RotatePersonalAccessToken: a new secret under the same ID. DateCreated
 * stays, so the token keeps its place in every listing (a pagination never sees it twice).
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import {
  expiryFor,
  requireActivePatPolicy,
  requireToken,
} from '../../domain/personal-access-tokens.js';
import { adminEventOf } from '../../domain/token-events.js';
import { requireEnabledUser } from '../../domain/users.js';
import { toEpochSeconds } from '../../domain/wire-time.js';
import { ResourceNotFoundException } from '../../errors/index.js';
import { generateTokenSecret, hashTokenSecret } from '../../tokens/index.js';
import { defineOperation } from '../operation.js';
import type { RotatePersonalAccessTokenRequest } from '@mailpat/model';

export const rotatePersonalAccessToken = defineOperation({
  service: 'MailpatService',
  name: 'RotatePersonalAccessToken',
  async handle(input: RotatePersonalAccessTokenRequest, { store, clock }) {
    const org = await requireActiveOrganization(store, input.OrganizationId);
    const policy = requireActivePatPolicy(org);
    const current = await requireToken(store, org.id, input.PersonalAccessTokenId);
    await requireEnabledUser(store, org.id, current.userId);
    const secret = generateTokenSecret();
    const expiresAt = expiryFor(clock.now(), policy, input.ExpiresInDays);
    const rotated = await store.replaceTokenSecret(
      org.id,
      current.id,
      hashTokenSecret(secret),
      expiresAt,
      adminEventOf(current, 'ROTATED', Date.now()),
    );
    if (!rotated) {
      // Deleted between the read and the write.
      throw new ResourceNotFoundException(`Personal access token ${current.id} does not exist.`);
    }
    return {
      PersonalAccessTokenId: rotated.id,
      Token: secret,
      DateCreated: toEpochSeconds(rotated.createdAt),
      ExpiresTime: toEpochSeconds(rotated.expiresAt),
      Scopes: rotated.scopes,
    };
  },
});
