/** @module CreateOrganization: a new Active organization with its default mail domain. */
import { NameAvailabilityException } from '../../errors/index.js';
import { defaultMailDomainFor } from '../../domain/organizations.js';
import { UniqueConstraintError } from '../../storage/storage-errors.js';
import { generateOrganizationId } from '../../tokens/index.js';
import { defineOperation } from '../operation.js';

interface CreateOrganizationInput {
  Alias: string;
  DirectoryId?: string;
  Domains?: { DomainName: string; HostedZoneId?: string }[];
  EnableInteroperability?: boolean;
}

export const createOrganization = defineOperation({
  service: 'WorkMailService',
  name: 'CreateOrganization',
  async handle(input: CreateOrganizationInput, { store, clock }) {
    const defaultMailDomain = defaultMailDomainFor(input.Alias);
    const extraDomains = (input.Domains ?? []).map((d) => d.DomainName.toLowerCase());
    const id = generateOrganizationId();
    try {
      await store.insertOrganization({
        id,
        alias: input.Alias,
        state: 'Active',
        defaultMailDomain,
        domains: [...new Set([defaultMailDomain, ...extraDomains])],
        directoryId: input.DirectoryId ?? null,
        interoperabilityEnabled: input.EnableInteroperability ?? false,
        createdAt: clock.nextCreationTime(),
        deletedAt: null,
        patConfiguration: null,
        identityCenter: null,
      });
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        throw new NameAvailabilityException(`The alias ${input.Alias} is already in use.`);
      }
      throw error;
    }
    return { OrganizationId: id };
  },
});
