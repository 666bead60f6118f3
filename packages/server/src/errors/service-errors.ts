/**
 * The error codes mailpat answers with, one class per AWS error code. Names equal the wire
 * `__type`, as the WorkMail model and the AWS JSON 1.1 protocol spell them.
 * @module
 */
import { AwsError } from './aws-error.js';

// --- Authentication (SigV4). 403 except IncompleteSignatureException.
export class MissingAuthenticationTokenException extends AwsError {
  readonly code = 'MissingAuthenticationTokenException';
  override readonly statusCode = 403;
}
export class IncompleteSignatureException extends AwsError {
  readonly code = 'IncompleteSignatureException';
}
export class InvalidSignatureException extends AwsError {
  readonly code = 'InvalidSignatureException';
  override readonly statusCode = 403;
}
export class UnrecognizedClientException extends AwsError {
  readonly code = 'UnrecognizedClientException';
  override readonly statusCode = 403;
}

// --- Protocol.
export class SerializationException extends AwsError {
  readonly code = 'SerializationException';
}
/** A body over the limit: the same code, as a 413, answered before the body is read if declared. */
export class RequestTooLargeException extends SerializationException {
  override readonly statusCode = 413;
}
export class UnknownOperationException extends AwsError {
  readonly code = 'UnknownOperationException';
}
/** A path other than `POST /` and `GET /healthz`: the same code, as a 404. */
export class UnknownRouteException extends AwsError {
  readonly code = 'UnknownOperationException';
  override readonly statusCode = 404;
}

// --- Domain, as the WorkMail model lists them.
export class InvalidParameterException extends AwsError {
  readonly code = 'InvalidParameterException';
}
export class OrganizationNotFoundException extends AwsError {
  readonly code = 'OrganizationNotFoundException';
}
export class OrganizationStateException extends AwsError {
  readonly code = 'OrganizationStateException';
}
export class EntityNotFoundException extends AwsError {
  readonly code = 'EntityNotFoundException';
}
export class EntityStateException extends AwsError {
  readonly code = 'EntityStateException';
}
export class EntityAlreadyRegisteredException extends AwsError {
  readonly code = 'EntityAlreadyRegisteredException';
}
export class ResourceNotFoundException extends AwsError {
  readonly code = 'ResourceNotFoundException';
}
export class NameAvailabilityException extends AwsError {
  readonly code = 'NameAvailabilityException';
}
export class EmailAddressInUseException extends AwsError {
  readonly code = 'EmailAddressInUseException';
}
export class InvalidPasswordException extends AwsError {
  readonly code = 'InvalidPasswordException';
}
/** WorkMail lists it on RegisterMailDomain; mailpat also answers it from CreateOrganization. */
export class MailDomainInUseException extends AwsError {
  readonly code = 'MailDomainInUseException';
}
export class MailDomainNotFoundException extends AwsError {
  readonly code = 'MailDomainNotFoundException';
}
export class LimitExceededException extends AwsError {
  readonly code = 'LimitExceededException';
}

// --- Server faults.
export class InternalFailure extends AwsError {
  readonly code = 'InternalFailure';
  override readonly statusCode = 500;
  override readonly fault = 'server';
}
export class ServiceUnavailableException extends AwsError {
  readonly code = 'ServiceUnavailableException';
  override readonly statusCode = 503;
  override readonly fault = 'server';
}
