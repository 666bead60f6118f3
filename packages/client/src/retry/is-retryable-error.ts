/**
 * Which failed attempts are worth another: throttling, 5xx, network, timeouts.
 * @module
 */
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { WorkMailServiceException } from '../errors/workmail-service-exception.js';
import { THROTTLING_ERROR_CODES, TRANSIENT_ERROR_CODES } from './constants.js';

/**
 * True for throttling (a throttling code or HTTP 429), any 5xx, transient codes, network errors,
 * timeouts, and an error after which the clock offset was corrected. Other client errors (4xx)
 * are never retried; nor is the caller's own abort.
 */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof TimeoutError || error instanceof NetworkError) return true;
  if (!(error instanceof WorkMailServiceException)) return false;
  const status = error.$metadata.httpStatusCode ?? 0;
  return (
    isThrottlingError(error) ||
    status >= 500 ||
    TRANSIENT_ERROR_CODES.has(error.name) ||
    error.$metadata.clockSkewCorrected === true
  );
}

/** True for throttling codes and HTTP 429. */
export function isThrottlingError(error: WorkMailServiceException): boolean {
  return THROTTLING_ERROR_CODES.has(error.name) || error.$metadata.httpStatusCode === 429;
}
