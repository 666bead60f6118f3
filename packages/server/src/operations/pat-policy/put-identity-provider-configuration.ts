/**
 * PutIdentityProviderConfiguration: stores the organization's PAT policy.
 * @module
 */
import { requireActiveOrganization } from '../../domain/organizations.js';
import { defineOperation } from '../operation.js';
import type { PutIdentityProviderConfigurationRequest } from '@mailpat/model';

/** WorkMail documents no default; a year is what its console proposes. */
export const DEFAULT_LIFETIME_IN_DAYS = 365;

export const putIdentityProviderConfiguration = defineOperation({
  service: 'WorkMailService',
  name: 'PutIdentityProviderConfiguration',
  async handle(input: PutIdentityProviderConfigurationRequest, { store }) {
    await requireActiveOrganization(store, input.OrganizationId);
    const pat = input.PersonalAccessTokenConfiguration;
    await store.updateOrganization(input.OrganizationId, {
      patConfiguration: {
        status: pat.Status,
        lifetimeInDays: pat.LifetimeInDays ?? DEFAULT_LIFETIME_IN_DAYS,
      },
      identityCenter: {
        authenticationMode: input.AuthenticationMode,
        instanceArn: input.IdentityCenterConfiguration.InstanceArn,
        applicationArn: input.IdentityCenterConfiguration.ApplicationArn,
      },
    });
    return {};
  },
});
