/**
 * DescribeUser: by user ID, email or user name.
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { requireUser } from '../../domain/users.js';
import { defineOperation } from '../operation.js';
import { toUserDescription } from './user-output.js';
import type { DescribeUserRequest } from '@mailpat/model';

export const describeUser = defineOperation({
  service: 'WorkMailService',
  name: 'DescribeUser',
  async handle(input: DescribeUserRequest, { store }) {
    await requireActiveOrganization(store, input.OrganizationId);
    const user = await requireUser(store, input.OrganizationId, input.UserId);
    return toUserDescription(user);
  },
});
