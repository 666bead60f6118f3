/**
 * DeleteOrganization: the organization becomes Deleted; its users and tokens go.
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { defineOperation } from '../operation.js';
import type { DeleteOrganizationRequest } from '@mailpat/model';

export const deleteOrganization = defineOperation({
  service: 'WorkMailService',
  name: 'DeleteOrganization',
  async handle(input: DeleteOrganizationRequest, { store, clock }) {
    await requireActiveOrganization(store, input.OrganizationId);
    await store.deleteOrganization(input.OrganizationId, clock.now());
    return { OrganizationId: input.OrganizationId, State: 'Deleted' };
  },
});
