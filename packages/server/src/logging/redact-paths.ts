/**
 * The structured fields pino replaces with `[Redacted]` wherever a caller (or a serialized
 * request or error) puts them: the second line of defence behind "never pass a secret".
 * @module
 */

/** Field names that carry a secret, as callers, Node's request objects and the AWS wire spell them. */
const SECRET_KEYS = [
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  'set-cookie',
  'password',
  'Password',
  'newPassword',
  'secret',
  'token',
  'Token',
  'accessToken',
  'refreshToken',
  'idToken',
  'clientSecret',
  'client_secret',
  'secretAccessKey',
  'SecretAccessKey',
  'sessionToken',
  'databaseUrl',
  'smtpUrl',
];

/** A key as a pino path segment: names with a hyphen need brackets. */
function segment(key: string): string {
  return key.includes('-') ? `["${key}"]` : key;
}

/**
 * Each key at the top level and one level down (`{ user: { password } }`), plus request headers:
 * pino's wildcards match exactly one level, and every path costs a property check per line, so
 * the list stays as short as what mailpat actually logs.
 */
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_KEYS.map(segment),
  ...SECRET_KEYS.map((key) => (key.includes('-') ? `*${segment(key)}` : `*.${key}`)),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];
