/**
 * RegisterToWorkMail: gives a DISABLED user its email address and enables it.
 * @module
 */
import {
  EmailAddressInUseException,
  EntityAlreadyRegisteredException,
  MailDomainNotFoundException,
} from '../../errors/index.js';
import { requireActiveOrganization } from '../../domain/organizations.js';
import { requireLiveUser } from '../../domain/users.js';
import { UniqueConstraintError } from '../../storage/storage-errors.js';
import { defineOperation } from '../operation.js';
import type { RegisterToWorkMailRequest } from '@mailpat/model';

export const registerToWorkMail = defineOperation({
  service: 'WorkMailService',
  name: 'RegisterToWorkMail',
  async handle(input: RegisterToWorkMailRequest, { store, clock }) {
    const org = await requireActiveOrganization(store, input.OrganizationId);
    const user = await requireLiveUser(store, input.OrganizationId, input.EntityId);
    if (user.state === 'ENABLED') {
      throw new EntityAlreadyRegisteredException(`User ${input.EntityId} is already registered.`);
    }
    const email = input.Email.toLowerCase();
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (!org.domains.includes(domain)) {
      throw new MailDomainNotFoundException(
        `The mail domain ${domain} is not a domain of organization ${org.id}.`,
      );
    }
    const existing = await store.findUser(org.id, email);
    if (existing && existing.id !== user.id && existing.state !== 'DELETED') {
      throw new EmailAddressInUseException(`The email address ${email} is already in use.`);
    }
    try {
      await store.updateUser(org.id, user.id, {
        email,
        state: 'ENABLED',
        enabledAt: clock.now(),
        disabledAt: null,
      });
    } catch (error) {
      // The index is installation-wide: another organization's user may hold the address.
      if (error instanceof UniqueConstraintError && error.constraint === 'users_email') {
        throw new EmailAddressInUseException(`The email address ${email} is already in use.`);
      }
      throw error;
    }
    return {};
  },
});
