/**
 * Finds the one Authorization header of a request, refusing ambiguous requests.
 * @module
 */
import {
  IncompleteSignatureException,
  MissingAuthenticationTokenException,
} from '../errors/index.js';
import { QUERY_AUTH_PARAMETERS, SINGLE_VALUED_HEADERS } from './constants.js';
import type { HeaderValues, QueryParameters } from './signed-request.js';

/**
 * The Authorization header's value. Throws MissingAuthenticationTokenException when the request
 * carries no authentication at all, IncompleteSignatureException when it is ambiguous: a
 * security-relevant header repeated, or query-string (presigned) authentication, which mailpat
 * does not accept.
 */
export function findAuthorization(headers: HeaderValues, query: QueryParameters): string {
  const values = headers.get('authorization') ?? [];
  const queryAuth = QUERY_AUTH_PARAMETERS.some((name) => Object.hasOwn(query, name));
  if (values.length === 0 && !queryAuth) {
    throw new MissingAuthenticationTokenException('Missing Authentication Token');
  }
  if (queryAuth) {
    throw new IncompleteSignatureException(
      values.length > 0
        ? 'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, ' +
            'Signature query string parameter or the Authorization header should be specified.'
        : 'Query-string (presigned) authentication is not supported; sign the request with ' +
            'an Authorization header.',
    );
  }
  for (const name of SINGLE_VALUED_HEADERS) {
    if ((headers.get(name)?.length ?? 0) > 1) {
      throw new IncompleteSignatureException(
        `The request has more than one '${name}' header; it must appear exactly once.`,
      );
    }
  }
  return values[0] as string;
}
