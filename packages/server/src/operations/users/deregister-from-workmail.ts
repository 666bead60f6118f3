/**
 * DeregisterFromWorkMail: an ENABLED user becomes DISABLED (its tokens stop working) and
 * gives up its email address, which any user may then register (RegisterToWorkMail names one
 * again when the user comes back).
 * @module
 */
import { EntityStateException } from '../../errors/index.js';
import { requireActiveOrganization } from '../../domain/organizations.js';
import { requireLiveUser } from '../../domain/users.js';
import { defineOperation } from '../operation.js';
import type { DeregisterFromWorkMailRequest } from '@mailpat/model';

export const deregisterFromWorkMail = defineOperation({
  service: 'WorkMailService',
  name: 'DeregisterFromWorkMail',
  async handle(input: DeregisterFromWorkMailRequest, { store, clock }) {
    await requireActiveOrganization(store, input.OrganizationId);
    const user = await requireLiveUser(store, input.OrganizationId, input.EntityId);
    if (user.state !== 'ENABLED') {
      throw new EntityStateException(`User ${input.EntityId} is not registered to WorkMail.`);
    }
    await store.updateUser(input.OrganizationId, user.id, {
      state: 'DISABLED',
      email: null,
      disabledAt: clock.now(),
    });
    return {};
  },
});
