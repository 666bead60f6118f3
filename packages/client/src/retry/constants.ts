/**
 * Defaults and error classification tables of the retry policy.
 * @module
 */

/** Attempts per call, the first included (AWS SDK v3's default). */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** The backoff before retry n is at most BASE * 2^(n-1) ms... */
export const DEFAULT_BASE_DELAY_MS = 100;
/** ...and never more than this. */
export const DEFAULT_MAX_DELAY_MS = 20_000;

/**
 * Codes that mean "slow down". smithy's list also holds `LimitExceededException`, but WorkMail
 * models that as a resource limit (a 400 that a retry cannot fix), so it is left out here.
 */
export const THROTTLING_ERROR_CODES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
]);

/** Codes of transient server-side conditions, whatever the status they come with. */
export const TRANSIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'InternalFailure',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
]);
