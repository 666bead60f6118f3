/**
 * The `$metadata` a single HTTP response yields.
 * @module
 */
import type { ResponseMetadata } from '../types/metadata.js';
import { REQUEST_ID_HEADERS } from './constants.js';
import type { HttpResponse } from './http-response.js';

/** HTTP status and request ID; the retry loop adds attempts and delays. */
export function readResponseMetadata(response: HttpResponse): ResponseMetadata {
  const requestId = REQUEST_ID_HEADERS.map((name) => response.headers.get(name)).find(
    (value) => value !== null,
  );
  return { httpStatusCode: response.statusCode, requestId: requestId ?? undefined };
}
