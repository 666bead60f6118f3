/**
 * Checks the SignedHeaders list against the request and rebuilds the signed headers.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 * @module
 */
import { IncompleteSignatureException } from '../errors/index.js';
import { ALWAYS_SIGNED_HEADERS, SIGNED_WHEN_PRESENT_HEADERS } from './constants.js';
import type { HeaderValues } from './signed-request.js';

const DISPLAY_NAMES: Record<string, string> = {
  host: "'Host' or ':authority'",
  'x-amz-date': "'X-Amz-Date'",
  'x-amz-target': "'X-Amz-Target'",
};

/** Throws IncompleteSignatureException unless every required header is signed and present. */
export function checkSignedHeaders(signedHeaders: readonly string[], headers: HeaderValues): void {
  const required = [
    ...ALWAYS_SIGNED_HEADERS,
    ...SIGNED_WHEN_PRESENT_HEADERS.filter((name) => headers.has(name)),
  ];
  for (const name of required) {
    if (!signedHeaders.includes(name)) {
      throw new IncompleteSignatureException(
        `${DISPLAY_NAMES[name] ?? `'${name}'`} must be a 'SignedHeader' in the AWS Authorization.`,
      );
    }
  }
  for (const name of signedHeaders) {
    if (!headers.has(name)) {
      throw new IncompleteSignatureException(
        `SignedHeaders lists '${name}', which is not present in the request.`,
      );
    }
  }
}

/**
 * Exactly the signed headers, in a prototype-less record (a header may be named `__proto__`).
 * Repeated values are trimmed, inner whitespace folded, and joined with ',' as SigV4 specifies;
 * a single value is passed as is, smithy folds its whitespace the same way.
 */
export function selectSignedHeaders(
  signedHeaders: readonly string[],
  headers: HeaderValues,
): Record<string, string> {
  const selected = Object.create(null) as Record<string, string>;
  for (const name of signedHeaders) {
    const values = headers.get(name) ?? [];
    selected[name] = values.length === 1 ? (values[0] as string) : joinValues(values);
  }
  return selected;
}

function joinValues(values: readonly string[]): string {
  return values.map((value) => value.trim().replace(/[ \t]+/g, ' ')).join(',');
}
