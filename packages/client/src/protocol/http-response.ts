/**
 * The part of an HTTP response the protocol code reads.
 * @module
 */

/** Status, headers (case-insensitive) and the body as text. */
export interface HttpResponse {
  statusCode: number;
  headers: Headers;
  body: string;
}
