/**
 * `@mailpat/client`: a typed client for the WorkMail API as mailpat serves it. Explicit
 * exports only (no `export *`), so the public surface is exactly this list.
 * @module
 */

// --- Client and configuration.
export { WorkMailClient } from './client.js';
export type { OperationOutput, RequestOptions } from './client.js';
export { DEFAULT_TIMEOUT_MS } from './config/client-config.js';
export type { ResolvedClientConfig, WorkMailClientConfig } from './config/client-config.js';
export { CredentialsProviderError, fromEnv } from './config/credentials.js';
export type { AwsCredentials, CredentialsProvider } from './config/credentials.js';
export { OPERATIONS } from './model/operations.js';
export type { OperationDescriptor, OperationMap, OperationName } from './model/operations.js';

// --- Retries.
export { StandardRetryStrategy } from './retry/standard-retry-strategy.js';
export type { RetryStrategy, StandardRetryOptions } from './retry/standard-retry-strategy.js';
export { isRetryableError, isThrottlingError } from './retry/is-retryable-error.js';
export {
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_DELAY_MS,
} from './retry/constants.js';

// --- Errors: the base, one class per error code, transport errors, guards.
export { WorkMailClientError } from './errors/workmail-client-error.js';
export { WorkMailServiceException } from './errors/workmail-service-exception.js';
export type { Fault, ServiceExceptionOptions } from './errors/workmail-service-exception.js';
export { ERROR_CLASSES } from './errors/error-classes.js';
export type { ErrorByCode, ErrorCode } from './errors/error-classes.js';
export { DirectoryInUseException } from './errors/directory-in-use-exception.js';
export { DirectoryServiceAuthenticationFailedException } from './errors/directory-service-authentication-failed-exception.js';
export { DirectoryUnavailableException } from './errors/directory-unavailable-exception.js';
export { EmailAddressInUseException } from './errors/email-address-in-use-exception.js';
export { EntityAlreadyRegisteredException } from './errors/entity-already-registered-exception.js';
export { EntityNotFoundException } from './errors/entity-not-found-exception.js';
export { EntityStateException } from './errors/entity-state-exception.js';
export { IncompleteSignatureException } from './errors/incomplete-signature-exception.js';
export { InternalFailure } from './errors/internal-failure.js';
export { InvalidParameterException } from './errors/invalid-parameter-exception.js';
export { InvalidPasswordException } from './errors/invalid-password-exception.js';
export { InvalidSignatureException } from './errors/invalid-signature-exception.js';
export { LimitExceededException } from './errors/limit-exceeded-exception.js';
export { MailDomainInUseException } from './errors/mail-domain-in-use-exception.js';
export { MailDomainNotFoundException } from './errors/mail-domain-not-found-exception.js';
export { MailDomainStateException } from './errors/mail-domain-state-exception.js';
export { MissingAuthenticationTokenException } from './errors/missing-authentication-token-exception.js';
export { NameAvailabilityException } from './errors/name-availability-exception.js';
export { OrganizationNotFoundException } from './errors/organization-not-found-exception.js';
export { OrganizationStateException } from './errors/organization-state-exception.js';
export { ReservedNameException } from './errors/reserved-name-exception.js';
export { ResourceNotFoundException } from './errors/resource-not-found-exception.js';
export { SerializationException } from './errors/serialization-exception.js';
export { ServiceUnavailableException } from './errors/service-unavailable-exception.js';
export { ThrottlingException } from './errors/throttling-exception.js';
export { UnknownOperationException } from './errors/unknown-operation-exception.js';
export { UnrecognizedClientException } from './errors/unrecognized-client-exception.js';
export { UnsupportedOperationException } from './errors/unsupported-operation-exception.js';
export { NetworkError } from './errors/network-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export {
  isNetworkError,
  isTimeoutError,
  isWorkMailServiceException,
} from './errors/type-guards.js';

// --- Protocol helpers (for custom transports and tests).
export { sanitizeErrorCode } from './protocol/error-code.js';
export { parseEpochTimestamp } from './protocol/parse-output.js';

// --- Operation inputs, outputs and shared shapes (AWS member names; timestamps as Date).
export {
  DnsRecordVerificationStatus,
  EntityState,
  IdentityProviderAuthenticationMode,
  PersonalAccessTokenConfigurationStatus,
  PersonalAccessTokenEventType,
  UserRole,
} from './types/index.js';
export type {
  CreateOrganizationCommandOutput,
  CreateOrganizationRequest,
  CreateOrganizationResponse,
  CreatePersonalAccessTokenCommandOutput,
  CreatePersonalAccessTokenRequest,
  CreatePersonalAccessTokenResponse,
  CreateUserCommandOutput,
  CreateUserRequest,
  CreateUserResponse,
  DeleteIdentityProviderConfigurationCommandOutput,
  DeleteIdentityProviderConfigurationRequest,
  DeleteIdentityProviderConfigurationResponse,
  DeleteOrganizationCommandOutput,
  DeleteOrganizationRequest,
  DeleteOrganizationResponse,
  DeletePersonalAccessTokenCommandOutput,
  DeletePersonalAccessTokenRequest,
  DeletePersonalAccessTokenResponse,
  DeleteUserCommandOutput,
  DeleteUserRequest,
  DeleteUserResponse,
  DeregisterFromWorkMailCommandOutput,
  DeregisterFromWorkMailRequest,
  DeregisterFromWorkMailResponse,
  DescribeIdentityProviderConfigurationCommandOutput,
  DescribeIdentityProviderConfigurationRequest,
  DescribeIdentityProviderConfigurationResponse,
  DescribeOrganizationCommandOutput,
  DescribeOrganizationRequest,
  DescribeOrganizationResponse,
  DescribeUserCommandOutput,
  DescribeUserRequest,
  DescribeUserResponse,
  DnsRecord,
  Domain,
  GetMailDomainCommandOutput,
  GetMailDomainRequest,
  GetMailDomainResponse,
  GetPersonalAccessTokenMetadataCommandOutput,
  GetPersonalAccessTokenMetadataRequest,
  GetPersonalAccessTokenMetadataResponse,
  IdentityCenterConfiguration,
  ListMailDomainsCommandOutput,
  ListMailDomainsRequest,
  ListMailDomainsResponse,
  ListOrganizationsCommandOutput,
  ListOrganizationsRequest,
  ListOrganizationsResponse,
  ListPersonalAccessTokensCommandOutput,
  ListPersonalAccessTokensRequest,
  ListPersonalAccessTokensResponse,
  ListUsersCommandOutput,
  ListUsersFilters,
  ListUsersRequest,
  ListUsersResponse,
  MailDomainSummary,
  MetadataBearer,
  OrganizationSummary,
  PersonalAccessTokenConfiguration,
  PersonalAccessTokenSummary,
  PutIdentityProviderConfigurationCommandOutput,
  PutIdentityProviderConfigurationRequest,
  PutIdentityProviderConfigurationResponse,
  RegisterToWorkMailCommandOutput,
  RegisterToWorkMailRequest,
  RegisterToWorkMailResponse,
  ResetPasswordCommandOutput,
  ResetPasswordRequest,
  ResetPasswordResponse,
  ResponseMetadata,
  RotatePersonalAccessTokenCommandOutput,
  RotatePersonalAccessTokenRequest,
  RotatePersonalAccessTokenResponse,
  ListPersonalAccessTokenEventsCommandOutput,
  ListPersonalAccessTokenEventsRequest,
  ListPersonalAccessTokenEventsResponse,
  PersonalAccessTokenEvent,
  PutOpenIdConnectConfigurationCommandOutput,
  PutOpenIdConnectConfigurationRequest,
  PutOpenIdConnectConfigurationResponse,
  DescribeOpenIdConnectConfigurationCommandOutput,
  DescribeOpenIdConnectConfigurationRequest,
  DescribeOpenIdConnectConfigurationResponse,
  DeleteOpenIdConnectConfigurationCommandOutput,
  DeleteOpenIdConnectConfigurationRequest,
  DeleteOpenIdConnectConfigurationResponse,
  UpdateUserCommandOutput,
  UpdateUserRequest,
  UpdateUserResponse,
  User,
} from './types/index.js';

// --- Pagination: exports of ./pagination/ go here (added by the pagination issue):
//     Paginator, getPaginator support, paginateListPersonalAccessTokens, ... .
// Pagination: botocore's engine and the AWS SDK v3 style paginate functions.
export { Paginator } from './pagination/paginator.js';
export { PageIterator } from './pagination/page-iterator.js';
export { PaginationError, isPaginationError } from './pagination/pagination-error.js';
export { getPaginator } from './pagination/get-paginator.js';
export type { PaginatorClient } from './pagination/get-paginator.js';
export {
  WORKMAIL_PAGINATORS,
  PAGINATOR_SNAKE_NAMES,
  resolvePaginator,
  listPaginatorNames,
} from './pagination/paginator-configs.js';
export type {
  PaginatorName,
  PaginatedOperationName,
  PaginatorOperationName,
  PaginatorMethodName,
  ResolvedPaginator,
} from './pagination/paginator-configs.js';
export type {
  PaginatorConfig,
  PaginationConfig,
  PaginateInput,
  PageMethod,
  FullResult,
} from './pagination/types.js';
export { compileExpression, searchExpression } from './pagination/jmespath-expression.js';
export type { CompiledExpression } from './pagination/jmespath-expression.js';
export { createPaginator } from './pagination/create-paginator.js';
export type {
  SdkPaginationConfiguration,
  SdkPagedClient,
  SdkPaginateFunction,
} from './pagination/create-paginator.js';
export { paginateListPersonalAccessTokens } from './pagination/paginate-list-personal-access-tokens.js';
export { paginateListOrganizations } from './pagination/paginate-list-organizations.js';
export { paginateListUsers } from './pagination/paginate-list-users.js';
