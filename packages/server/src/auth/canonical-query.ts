/**
 * The CanonicalQueryString: names and values URI-encoded, sorted by encoded name, repeated
 * names sorted by their `name=value` pairs.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 * @module
 */
import { escapeUri } from './escape-uri.js';
import type { QueryParameters } from './signed-request.js';

/** smithy leaves the presigned-URL signature parameter out, in any case. */
const SIGNATURE_PARAMETER = 'x-amz-signature';

/**
 * The query as smithy's signer canonicalises it, quirks included so verdicts stay the same:
 * `X-Amz-Signature` is skipped in any spelling, and a parameter named `__proto__` is written
 * as `[object Object]` (smithy stores pairs in a plain object, where that name is the prototype).
 */
export function canonicalQuery(query: QueryParameters): string {
  const pairs = new Map<string, string>();
  for (const name in query) {
    if (name.toLowerCase() === SIGNATURE_PARAMETER) continue;
    const encoded = escapeUri(name);
    const value = query[name] as string | string[];
    pairs.set(encoded, encodePairs(encoded, value));
  }
  if (pairs.size === 0) return '';
  const names = [...pairs.keys()].sort();
  const parts: string[] = [];
  for (const name of names) {
    const serialized = name === '__proto__' ? String(Object.prototype) : pairs.get(name);
    if (serialized) parts.push(serialized);
  }
  return parts.join('&');
}

function encodePairs(encodedName: string, value: string | string[]): string {
  if (typeof value === 'string') return `${encodedName}=${escapeUri(value)}`;
  return value
    .map((item) => `${encodedName}=${escapeUri(item)}`)
    .sort()
    .join('&');
}
