/**
 * Type guards over the client's errors. Like ky's, they match on `name` too, so an error
 * from another copy of the package (the CommonJS build next to the ESM one) is recognised.
 * @module
 */
import type { ErrorByCode, ErrorCode } from './error-classes.js';
import { NetworkError } from './network-error.js';
import { TimeoutError } from './timeout-error.js';
import { WorkMailServiceException } from './workmail-service-exception.js';

/** True for any error response of the service; with `code`, only for that error code. */
export function isWorkMailServiceException(error: unknown): error is WorkMailServiceException;
export function isWorkMailServiceException<C extends ErrorCode>(
  error: unknown,
  code: C,
): error is ErrorByCode[C];
export function isWorkMailServiceException(
  error: unknown,
  code: string,
): error is WorkMailServiceException;
export function isWorkMailServiceException(error: unknown, code?: string): boolean {
  return error instanceof WorkMailServiceException && (code === undefined || error.name === code);
}

/** True when an attempt timed out (after the last retry). */
export function isTimeoutError(error: unknown): error is TimeoutError {
  return error instanceof TimeoutError || hasName(error, 'TimeoutError');
}

/** True when no HTTP response arrived (after the last retry). */
export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError || hasName(error, 'NetworkError');
}

function hasName(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name && '$metadata' in error;
}
