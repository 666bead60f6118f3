/**
 * Node's parsed response headers behind the `get()` the protocol code reads, without building a
 * WHATWG `Headers` (whose construction cost more per page than reading the body did).
 * @module
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ResponseHeaders } from './http-response.js';

/** Looks names up in node's headers object, whose keys node has already lowercased. */
export class NodeResponseHeaders implements ResponseHeaders {
  readonly #headers: IncomingHttpHeaders;

  constructor(headers: IncomingHttpHeaders) {
    this.#headers = headers;
  }

  get(name: string): string | null {
    const key = name.toLowerCase();
    // Own properties only: `constructor` or `__proto__` is not a header.
    if (!Object.hasOwn(this.#headers, key)) return null;
    const value = this.#headers[key];
    if (value === undefined) return null;
    // Only set-cookie arrives as an array; `Headers.get` joins repeats the same way.
    return typeof value === 'string' ? value : value.join(', ');
  }
}
