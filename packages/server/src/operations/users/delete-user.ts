/**
 * DeleteUser: only a DISABLED user may be deleted; its tokens go with it.
 * @module
 */
import { EntityStateException } from '../../errors/index.js';
import { requireActiveOrganization } from '../../domain/organizations.js';
import { requireLiveUser } from '../../domain/users.js';
import { defineOperation } from '../operation.js';
import type { DeleteUserRequest } from '@mailpat/model';

export const deleteUser = defineOperation({
  service: 'WorkMailService',
  name: 'DeleteUser',
  async handle(input: DeleteUserRequest, { store, clock }) {
    await requireActiveOrganization(store, input.OrganizationId);
    const user = await requireLiveUser(store, input.OrganizationId, input.UserId);
    if (user.state !== 'DISABLED') {
      throw new EntityStateException(
        `User ${input.UserId} is ${user.state}; deregister it from WorkMail before deleting it.`,
      );
    }
    await store.deleteUser(input.OrganizationId, user.id, clock.now());
    return {};
  },
});
