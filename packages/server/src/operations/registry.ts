/**
 * Every served operation, looked up by its X-Amz-Target.
 * @module
 */
import type { OperationInputs, ServedOperationName } from '@mailpat/model';
import { getMailDomain } from './domains/get-mail-domain.js';
import { listMailDomains } from './domains/list-mail-domains.js';
import type { Operation } from './operation.js';
import { createOrganization } from './organizations/create-organization.js';
import { deleteOrganization } from './organizations/delete-organization.js';
import { describeOrganization } from './organizations/describe-organization.js';
import { listOrganizations } from './organizations/list-organizations.js';
import { deleteIdentityProviderConfiguration } from './pat-policy/delete-identity-provider-configuration.js';
import { describeIdentityProviderConfiguration } from './pat-policy/describe-identity-provider-configuration.js';
import { putIdentityProviderConfiguration } from './pat-policy/put-identity-provider-configuration.js';
import { deleteOpenIdConnectConfiguration } from './single-sign-on/delete-open-id-connect-configuration.js';
import { describeOpenIdConnectConfiguration } from './single-sign-on/describe-open-id-connect-configuration.js';
import { putOpenIdConnectConfiguration } from './single-sign-on/put-open-id-connect-configuration.js';
import { createPersonalAccessToken } from './tokens/create-personal-access-token.js';
import { deletePersonalAccessToken } from './tokens/delete-personal-access-token.js';
import { getPersonalAccessTokenMetadata } from './tokens/get-personal-access-token-metadata.js';
import { listPersonalAccessTokenEvents } from './tokens/list-personal-access-token-events.js';
import { listPersonalAccessTokens } from './tokens/list-personal-access-tokens.js';
import { rotatePersonalAccessToken } from './tokens/rotate-personal-access-token.js';
import { createUser } from './users/create-user.js';
import { deleteUser } from './users/delete-user.js';
import { deregisterFromWorkMail } from './users/deregister-from-workmail.js';
import { describeUser } from './users/describe-user.js';
import { listUsers } from './users/list-users.js';
import { registerToWorkMail } from './users/register-to-workmail.js';
import { resetPassword } from './users/reset-password.js';
import { updateUser } from './users/update-user.js';

/**
 * The table's type is the check that model and handlers agree: a modelled operation without a
 * handler, a handler under a name the model does not serve, or a handler typed for another
 * input does not compile (registry.test.ts checks names and services at run time).
 */
type HandlerTable = {
  readonly [Name in ServedOperationName]: Operation<OperationInputs[Name], unknown>;
};

/** The handler of every operation the model serves, by AWS operation name. */
export const OPERATION_HANDLERS: HandlerTable = {
  CreateOrganization: createOrganization,
  DescribeOrganization: describeOrganization,
  ListOrganizations: listOrganizations,
  DeleteOrganization: deleteOrganization,
  ListMailDomains: listMailDomains,
  GetMailDomain: getMailDomain,
  CreateUser: createUser,
  DescribeUser: describeUser,
  ListUsers: listUsers,
  UpdateUser: updateUser,
  DeleteUser: deleteUser,
  RegisterToWorkMail: registerToWorkMail,
  DeregisterFromWorkMail: deregisterFromWorkMail,
  ResetPassword: resetPassword,
  PutIdentityProviderConfiguration: putIdentityProviderConfiguration,
  DescribeIdentityProviderConfiguration: describeIdentityProviderConfiguration,
  DeleteIdentityProviderConfiguration: deleteIdentityProviderConfiguration,
  ListPersonalAccessTokens: listPersonalAccessTokens,
  GetPersonalAccessTokenMetadata: getPersonalAccessTokenMetadata,
  DeletePersonalAccessToken: deletePersonalAccessToken,
  CreatePersonalAccessToken: createPersonalAccessToken,
  RotatePersonalAccessToken: rotatePersonalAccessToken,
  ListPersonalAccessTokenEvents: listPersonalAccessTokenEvents,
  PutOpenIdConnectConfiguration: putOpenIdConnectConfiguration,
  DescribeOpenIdConnectConfiguration: describeOpenIdConnectConfiguration,
  DeleteOpenIdConnectConfiguration: deleteOpenIdConnectConfiguration,
};

// Handlers are typed by their own inputs; the registry only routes validated objects to them.
type AnyOperation = Operation<never, unknown>;

const OPERATIONS = Object.values(OPERATION_HANDLERS) as AnyOperation[];

const BY_TARGET = new Map(OPERATIONS.map((op) => [`${op.service}.${op.name}`, op]));

/** The operation an `X-Amz-Target` header names, or undefined. */
export function findOperation(target: string): AnyOperation | undefined {
  return BY_TARGET.get(target);
}
