/**
 * Wire constants of AWS JSON 1.1 as the WorkMail API speaks it.
 * @module
 */

/** The request and response content type of AWS JSON 1.1. */
export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';
/** The SigV4 signing name of WorkMail (and of mailpat's extensions). */
export const SIGNING_SERVICE = 'workmail';
/** The region used when neither the config nor the environment names one. */
export const DEFAULT_REGION = 'us-east-1';
/** Response headers that carry the request ID, in the order the SDKs read them. */
export const REQUEST_ID_HEADERS = ['x-amzn-requestid', 'x-amzn-request-id', 'x-amz-request-id'];
/** The response header that carries the error code in AWS JSON protocols. */
export const ERROR_TYPE_HEADER = 'x-amzn-errortype';
/**
 * Error codes that may mean the local clock is off; the client then re-reads the server's `Date`
 * (smithy's CLOCK_SKEW_ERROR_CODES).
 */
export const CLOCK_SKEW_ERROR_CODES: ReadonlySet<string> = new Set([
  'AuthFailure',
  'InvalidSignatureException',
  'RequestExpired',
  'RequestInTheFuture',
  'RequestTimeTooSkewed',
  'SignatureDoesNotMatch',
]);
/** A server clock this far (ms) from ours is corrected for, as the AWS SDKs do. */
export const CLOCK_SKEW_THRESHOLD_MS = 5 * 60 * 1000;
