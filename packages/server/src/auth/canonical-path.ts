/**
 * The CanonicalURI of a request to any AWS service but S3: dot segments and empty segments
 * removed, then each segment URI-encoded once more (the path arrives already encoded).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 * @module
 */
import { escapeUri } from './escape-uri.js';

/** Paths every SDK sends that are already canonical (the JSON protocols post to `/`). */
const PLAIN_PATH = /^\/[A-Za-z0-9\-_~/]*$/;

/**
 * The path as smithy's signer canonicalises it with `uriEscapePath: true`, which is how the SDKs
 * sign every service but S3. The result always starts with `/`, as smithy's `HttpRequest` makes
 * an empty path `/` and prefixes one that lacks it.
 */
export function canonicalPath(path: string): string {
  if (PLAIN_PATH.test(path) && !path.includes('//')) return path;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return escapeUri(`/${segments.join('/')}${trailing}`).replace(/%2F/g, '/');
}
