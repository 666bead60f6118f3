/**
 * Constants of SigV4 verification and root credentials.
 * @module
 */

/** The only signing algorithm accepted (SigV4, header form). */
export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** The service every credential scope must name. */
export const SIGNING_SERVICE = 'workmail';
/** The last element of a SigV4 credential scope. */
export const SCOPE_TERMINATOR = 'aws4_request';
/** How far a request's X-Amz-Date may be from the server's clock, either way. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** Headers that must be signed whenever the request is signed. */
export const ALWAYS_SIGNED_HEADERS = ['host', 'x-amz-date'] as const;
/** Headers that must be signed when the request carries them. */
export const SIGNED_WHEN_PRESENT_HEADERS = ['x-amz-target'] as const;
/**
 * Headers refused when repeated: a proxy and mailpat could otherwise read different values
 * (Node keeps the first Host, joins others), so a duplicate is never resolved "first wins".
 */
export const SINGLE_VALUED_HEADERS = [
  'authorization',
  'host',
  'x-amz-date',
  'x-amz-target',
  'x-amz-content-sha256',
  'x-amz-security-token',
] as const;
/** The header, and the presigned-URL parameter, of a session token; mailpat issues none. */
export const SESSION_TOKEN_HEADER = 'x-amz-security-token';
export const SESSION_TOKEN_QUERY_PARAMETER = 'X-Amz-Security-Token';
/** Query parameters of presigned (query-string) SigV4 authentication. */
export const QUERY_AUTH_PARAMETERS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature'];

/**
 * How many derived signing keys to keep, one per (secret, date, region, service): a few per
 * active key around midnight UTC and per region its clients use.
 */
export const SIGNING_KEY_CACHE_SIZE = 1_024;
/** How long an access key looked up in the store is trusted before it is read again. */
export const ACCESS_KEY_CACHE_TTL_MS = 2_000;
/** How many looked-up access keys to keep in memory. */
export const ACCESS_KEY_CACHE_SIZE = 1_024;

/** The shared-credentials file written under the data directory, and its profile. */
export const CREDENTIALS_FILE_NAME = 'credentials';
export const CREDENTIALS_PROFILE = 'mailpat';
