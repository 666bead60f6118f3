/**
 * UpdateUser: role, display name, visibility and the free-form attributes.
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { requireLiveUser } from '../../domain/users.js';
import type { UserAttributes } from '../../domain/records.js';
import type { UserPatch } from '../../storage/store.js';
import { defineOperation } from '../operation.js';
import { USER_ATTRIBUTES } from '@mailpat/model';
import type { UpdateUserRequest } from '@mailpat/model';

export const updateUser = defineOperation({
  service: 'WorkMailService',
  name: 'UpdateUser',
  async handle(input: UpdateUserRequest, { store }) {
    await requireActiveOrganization(store, input.OrganizationId);
    const user = await requireLiveUser(store, input.OrganizationId, input.UserId);
    const attributes: UserAttributes = { ...user.attributes };
    for (const member of USER_ATTRIBUTES) {
      const value = input[member];
      if (value === undefined) continue;
      // An empty string clears the attribute, as WorkMail does.
      if (value === '') delete attributes[member];
      else attributes[member] = value;
    }
    const patch: UserPatch = { attributes };
    if (input.Role !== undefined) patch.role = input.Role;
    if (input.DisplayName !== undefined) patch.displayName = input.DisplayName;
    if (input.HiddenFromGlobalAddressList !== undefined) {
      patch.hiddenFromGlobalAddressList = input.HiddenFromGlobalAddressList;
    }
    await store.updateUser(input.OrganizationId, user.id, patch);
    return {};
  },
});
