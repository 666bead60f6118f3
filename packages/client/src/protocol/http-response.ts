/**
 * The part of an HTTP response the protocol code reads.
 * @module
 */

/** Case-insensitive header lookup: what the protocol code asks of `Headers` or node's headers. */
export interface ResponseHeaders {
  /** The value of header `name` (any case), repeated values joined by `, `; null if absent. */
  get(name: string): string | null;
}

/** Status, headers and the body as text. */
export interface HttpResponse {
  statusCode: number;
  headers: ResponseHeaders;
  body: string;
}
