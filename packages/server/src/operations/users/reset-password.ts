/**
 * ResetPassword: stores a new scrypt hash of the user's mailbox password.
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { assertPasswordStrength, hashPassword } from '../../domain/passwords.js';
import { requireLiveUser } from '../../domain/users.js';
import { defineOperation } from '../operation.js';
import type { ResetPasswordRequest } from '@mailpat/model';

export const resetPassword = defineOperation({
  service: 'WorkMailService',
  name: 'ResetPassword',
  async handle(input: ResetPasswordRequest, { store }) {
    await requireActiveOrganization(store, input.OrganizationId);
    const user = await requireLiveUser(store, input.OrganizationId, input.UserId);
    assertPasswordStrength(input.Password);
    await store.updateUser(input.OrganizationId, user.id, {
      passwordHash: await hashPassword(input.Password),
    });
    return {};
  },
});
