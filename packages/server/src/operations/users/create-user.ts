/**
 * CreateUser: a DISABLED user, enabled later by RegisterToWorkMail (as in WorkMail).
 * @module
 */
import { NameAvailabilityException } from '../../errors/index.js';
import { requireActiveOrganization } from '../../domain/organizations.js';
import { assertPasswordStrength, hashPassword } from '../../domain/passwords.js';
import type { UserAttributes } from '../../domain/records.js';
import { UniqueConstraintError } from '../../storage/storage-errors.js';
import { generateUserId } from '../../tokens/index.js';
import { defineOperation } from '../operation.js';
import type { CreateUserRequest } from '@mailpat/model';

export const createUser = defineOperation({
  service: 'WorkMailService',
  name: 'CreateUser',
  async handle(input: CreateUserRequest, { store, clock }) {
    await requireActiveOrganization(store, input.OrganizationId);
    if (input.Password !== undefined) assertPasswordStrength(input.Password);
    const attributes: UserAttributes = {
      FirstName: input.FirstName,
      LastName: input.LastName,
      IdentityProviderUserId: input.IdentityProviderUserId,
    };
    const id = generateUserId();
    try {
      await store.insertUser({
        id,
        organizationId: input.OrganizationId,
        name: input.Name,
        email: null,
        displayName: input.DisplayName,
        role: input.Role ?? 'USER',
        state: 'DISABLED',
        hiddenFromGlobalAddressList: input.HiddenFromGlobalAddressList ?? false,
        attributes: dropUndefined(attributes),
        passwordHash: input.Password === undefined ? null : await hashPassword(input.Password),
        createdAt: clock.now(), // replaced by the store's stamp (Store.insertUser)
        enabledAt: null,
        disabledAt: null,
      });
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        throw new NameAvailabilityException(`The user name ${input.Name} is already in use.`);
      }
      throw error;
    }
    return { UserId: id };
  },
});

function dropUndefined(attributes: UserAttributes): UserAttributes {
  return Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined));
}
