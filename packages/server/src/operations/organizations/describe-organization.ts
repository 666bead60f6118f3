/**
 * DescribeOrganization.
 * @module
 */
import { organizationArn, requireOrganization } from '../../domain/organizations.js';
import { toOptionalEpochSeconds } from '../../domain/wire-time.js';
import { defineOperation } from '../operation.js';
import type { DescribeOrganizationRequest } from '@mailpat/model';

export const describeOrganization = defineOperation({
  service: 'WorkMailService',
  name: 'DescribeOrganization',
  async handle(input: DescribeOrganizationRequest, { store }, { region }) {
    const org = await requireOrganization(store, input.OrganizationId);
    return {
      OrganizationId: org.id,
      Alias: org.alias,
      State: org.state,
      DirectoryId: org.directoryId ?? undefined,
      DirectoryType: 'WorkMailDirectory',
      DefaultMailDomain: org.defaultMailDomain,
      CompletedDate: toOptionalEpochSeconds(org.createdAt),
      ARN: organizationArn(region, org.id),
      InteroperabilityEnabled: org.interoperabilityEnabled,
    };
  },
});
