/**
 * CreateOrganization: a new Active organization with its default mail domain.
 * @module
 */
import { MailDomainInUseException, NameAvailabilityException } from '../../errors/index.js';
import { mailDomainsFor } from '../../domain/mail-domains.js';
import { defaultMailDomainFor } from '../../domain/organizations.js';
import { MailDomainTakenError, UniqueConstraintError } from '../../storage/storage-errors.js';
import { generateOrganizationId } from '../../tokens/index.js';
import { defineOperation } from '../operation.js';
import type { CreateOrganizationRequest } from '@mailpat/model';

export const createOrganization = defineOperation({
  service: 'WorkMailService',
  name: 'CreateOrganization',
  async handle(input: CreateOrganizationRequest, { store, clock }) {
    const domains = mailDomainsFor(
      input.Alias,
      (input.Domains ?? []).map((d) => d.DomainName),
    );
    const id = generateOrganizationId();
    try {
      await store.insertOrganization({
        id,
        alias: input.Alias,
        state: 'Active',
        defaultMailDomain: defaultMailDomainFor(input.Alias),
        domains,
        directoryId: input.DirectoryId ?? null,
        interoperabilityEnabled: input.EnableInteroperability ?? false,
        createdAt: clock.now(), // replaced by the store's stamp (Store.insertOrganization)
        deletedAt: null,
        patConfiguration: null,
        identityCenter: null,
      });
    } catch (error) {
      // The database decides, so two instances creating at once cannot both win.
      if (error instanceof MailDomainTakenError) {
        throw new MailDomainInUseException(
          `The domain ${error.domain} is already in use by another organization.`,
        );
      }
      if (error instanceof UniqueConstraintError) {
        throw new NameAvailabilityException(`The alias ${input.Alias} is already in use.`);
      }
      throw error;
    }
    return { OrganizationId: id };
  },
});
