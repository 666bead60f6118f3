/**
 * Refuses temporary (STS) credentials: mailpat issues no session tokens, so a request carrying
 * one cannot be from a valid session, however well it is signed with a long-term key.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#temporary-security-credentials
 * @module
 */
import { UnrecognizedClientException } from '../errors/index.js';
import { SESSION_TOKEN_HEADER, SESSION_TOKEN_QUERY_PARAMETER } from './constants.js';
import type { HeaderValues, QueryParameters } from './signed-request.js';

/** Throws UnrecognizedClientException when the request carries `X-Amz-Security-Token`. */
export function refuseSessionToken(headers: HeaderValues, query: QueryParameters): void {
  // Query names are matched in any case too: a token is never accepted by a spelling trick.
  const inQuery = Object.keys(query).some(
    (name) => name.toLowerCase() === SESSION_TOKEN_QUERY_PARAMETER.toLowerCase(),
  );
  if (headers.has(SESSION_TOKEN_HEADER) || inQuery) {
    throw new UnrecognizedClientException('The security token included in the request is invalid.');
  }
}
