/**
 * The request as it reached Node, and the pure steps that read its headers and URL.
 * @module
 */

/** A request to verify: exactly what arrived on the wire, before any header folding. */
export interface IncomingSignedRequest {
  method: string;
  /** The request target as sent, query string included (e.g. `/` or `/a?b=c`). */
  path: string;
  /** Node's `req.rawHeaders`: name, value, name, value... with duplicates kept. */
  rawHeaders: string[];
  body: Buffer;
}

/** Header values by lower-case name, every occurrence kept in arrival order. */
export type HeaderValues = ReadonlyMap<string, readonly string[]>;

/** Groups `rawHeaders` by lower-case name without dropping or joining duplicates. */
export function collectHeaders(rawHeaders: readonly string[]): HeaderValues {
  const headers = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] as string).toLowerCase();
    const value = rawHeaders[i + 1] as string;
    const values = headers.get(name);
    if (values) values.push(value);
    else headers.set(name, [value]);
  }
  return headers;
}

/** Query parameters as smithy's HttpRequest holds them: decoded, repeated names as arrays. */
export type QueryParameters = Record<string, string | string[]>;

/** Splits a request target into its path and its decoded query parameters. */
export function splitTarget(target: string): { path: string; query: QueryParameters } {
  const mark = target.indexOf('?');
  if (mark < 0) return { path: target, query: Object.create(null) as QueryParameters };
  return { path: target.slice(0, mark), query: parseQuery(target.slice(mark + 1)) };
}

function parseQuery(search: string): QueryParameters {
  const query = Object.create(null) as QueryParameters;
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    const previous = query[name];
    if (previous === undefined) query[name] = value;
    else query[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return query;
}

/** Malformed escapes are kept verbatim: the signature then simply does not match. */
function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}
