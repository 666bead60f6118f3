/**
 * DescribeIdentityProviderConfiguration: the stored policy, or ResourceNotFound.
 * @module
 */
import { ResourceNotFoundException } from '../../errors/index.js';
import { requireActiveOrganization } from '../../domain/organizations.js';
import { defineOperation } from '../operation.js';
import type { DescribeIdentityProviderConfigurationRequest } from '@mailpat/model';

export const describeIdentityProviderConfiguration = defineOperation({
  service: 'WorkMailService',
  name: 'DescribeIdentityProviderConfiguration',
  async handle(input: DescribeIdentityProviderConfigurationRequest, { store }) {
    const org = await requireActiveOrganization(store, input.OrganizationId);
    if (!org.patConfiguration && !org.identityCenter) {
      throw new ResourceNotFoundException(
        `Organization ${org.id} has no identity provider configuration.`,
      );
    }
    return {
      AuthenticationMode: org.identityCenter?.authenticationMode,
      IdentityCenterConfiguration: org.identityCenter
        ? {
            InstanceArn: org.identityCenter.instanceArn,
            ApplicationArn: org.identityCenter.applicationArn,
          }
        : undefined,
      PersonalAccessTokenConfiguration: org.patConfiguration
        ? {
            Status: org.patConfiguration.status,
            LifetimeInDays: org.patConfiguration.lifetimeInDays,
          }
        : undefined,
    };
  },
});
