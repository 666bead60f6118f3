/**
 * The API model mailpat serves, and the wire input types generated from it, for the server, the
 * client's generator and the CLI.
 * @module
 */
export { CLI_DOCS } from './cli-docs.js';
export type { CliDocs } from './cli-docs.js';
export { findModelOperation, findOperation, mergeModels, SERVICE_MODEL } from './service-model.js';
export { USER_ATTRIBUTES } from './user-attributes.js';
export type { UserAttribute } from './user-attributes.js';
export type {
  MemberReference,
  ModelFile,
  OperationDefinition,
  ResolvedOperation,
  ServiceModel,
  ServiceName,
  ShapeDefinition,
} from './service-model.js';
export type {
  CreateOrganizationRequest,
  CreatePersonalAccessTokenRequest,
  CreateUserRequest,
  DeleteIdentityProviderConfigurationRequest,
  DeleteOpenIdConnectConfigurationRequest,
  DeleteOrganizationRequest,
  DeletePersonalAccessTokenRequest,
  DeleteUserRequest,
  DeregisterFromWorkMailRequest,
  DescribeIdentityProviderConfigurationRequest,
  DescribeOpenIdConnectConfigurationRequest,
  DescribeOrganizationRequest,
  DescribeUserRequest,
  Domain,
  EntityState,
  GetMailDomainRequest,
  GetPersonalAccessTokenMetadataRequest,
  IdentityCenterConfiguration,
  IdentityProviderAuthenticationMode,
  ListMailDomainsRequest,
  ListOrganizationsRequest,
  ListPersonalAccessTokenEventsRequest,
  ListPersonalAccessTokensRequest,
  ListUsersFilters,
  ListUsersRequest,
  OperationInputs,
  PersonalAccessTokenConfiguration,
  PersonalAccessTokenConfigurationStatus,
  PutIdentityProviderConfigurationRequest,
  PutOpenIdConnectConfigurationRequest,
  RegisterToWorkMailRequest,
  ResetPasswordRequest,
  RotatePersonalAccessTokenRequest,
  ServedOperationName,
  UpdateUserRequest,
  UserRole,
} from './generated/wire-types.js';
