/**
 * The wire errors, exported by name.
 * @module
 */
export { AwsError, isAwsError } from './aws-error.js';
export type { Fault } from './aws-error.js';
export {
  EmailAddressInUseException,
  EntityAlreadyRegisteredException,
  EntityNotFoundException,
  EntityStateException,
  IncompleteSignatureException,
  InternalFailure,
  InvalidParameterException,
  InvalidPasswordException,
  InvalidSignatureException,
  LimitExceededException,
  MailDomainInUseException,
  MailDomainNotFoundException,
  MissingAuthenticationTokenException,
  NameAvailabilityException,
  OrganizationNotFoundException,
  OrganizationStateException,
  RequestTooLargeException,
  ResourceNotFoundException,
  SerializationException,
  ServiceUnavailableException,
  UnknownOperationException,
  UnknownRouteException,
  UnrecognizedClientException,
} from './service-errors.js';
