/**
 * Verifies an AWS Signature Version 4 `Authorization` header, the way AWS JSON services
 * do, recomputing the signature on node:crypto (compute-signature.ts says why not smithy's signer).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html
 * @module
 */
import { InvalidSignatureException, UnrecognizedClientException } from '../errors/index.js';
import { findAuthorization } from './authorization-header.js';
import { checkRequestTime } from './check-request-time.js';
import { compareSignatures } from './compare-signatures.js';
import { computeSignature } from './compute-signature.js';
import { SIGNING_SERVICE } from './constants.js';
import { checkContentHash } from './content-hash.js';
import { parseAuthorization } from './parse-authorization.js';
import type { ParsedAuthorization } from './parse-authorization.js';
import { refuseSessionToken } from './refuse-session-token.js';
import { readRequestDate } from './request-date.js';
import { checkSignedHeaders, selectSignedHeaders } from './signed-headers.js';
import { collectHeaders, splitTarget } from './signed-request.js';
import type { IncomingSignedRequest, QueryParameters } from './signed-request.js';

/** What verification needs to know about an access key. */
export interface AccessKeySecret {
  secretAccessKey: string;
  enabled: boolean;
}

/** Resolves an access key ID to its secret, or undefined when no such key exists. */
export type LookupSecret = (accessKeyId: string) => Promise<AccessKeySecret | undefined>;

/** A request whose Authorization header is well formed, before any key is looked up. */
export interface SignedParts extends ParsedAuthorization {
  path: string;
  query: QueryParameters;
  dateMs: number;
  headers: Record<string, string>;
}

/** A request whose headers passed every check that needs no body; only the signature is left. */
export interface VerifiedHeaders {
  parts: SignedParts;
  key: AccessKeySecret;
}

/**
 * The checks that need no body, run before it is read: the Authorization header's shape, the
 * date, the access key. Throws the AWS authentication error that names the problem.
 */
export async function verifySigV4Headers(
  request: Omit<IncomingSignedRequest, 'body'>,
  lookupSecret: LookupSecret,
  nowMs: number,
): Promise<VerifiedHeaders> {
  const parts = readSignedParts(request, nowMs);
  const key = await lookupSecret(parts.accessKeyId);
  if (key === undefined || !key.enabled) {
    throw new UnrecognizedClientException('The security token included in the request is invalid.');
  }
  return { parts, key };
}

/**
 * Resolves with the signer's access key ID and scope region, or throws the AWS authentication
 * error that names the problem. Every path to a resolved promise goes through the signature
 * comparison.
 */
export async function verifySigV4(
  request: IncomingSignedRequest,
  lookupSecret: LookupSecret,
  nowMs: number,
): Promise<{ accessKeyId: string; region: string }> {
  return verifySigV4Body(await verifySigV4Headers(request, lookupSecret, nowMs), request);
}

/** The body's steps: its hash, then the signature over headers and body. */
export async function verifySigV4Body(
  { parts, key }: VerifiedHeaders,
  request: Pick<IncomingSignedRequest, 'method' | 'body'>,
): Promise<{ accessKeyId: string; region: string }> {
  checkContentHash(parts.headers, request.body);
  const computed = computeSignature({
    ...parts,
    service: SIGNING_SERVICE, // equal to the scope's (checked); a constant string hashes once
    secretAccessKey: key.secretAccessKey,
    method: request.method,
    body: request.body,
  });
  // The recomputation, like smithy's signer, never covers `date` or `authorization`: a signature
  // over any other header set than the client's cannot be the one the client made.
  const sameHeaders = computed.signedHeaders === parts.signedHeaders.join(';');
  if (!compareSignatures(computed.signature, parts.signature) || !sameHeaders) {
    throw new InvalidSignatureException(
      'The request signature we calculated does not match the signature you provided. Check ' +
        'your AWS Secret Access Key and signing method. Consult the service documentation for ' +
        'details.',
    );
  }
  return { accessKeyId: parts.accessKeyId, region: parts.region };
}

/**
 * The checks that need no key: shape (400s), then session token, scope service and clock skew
 * (403s). A session token is refused here, so no signature over one is ever found valid.
 */
function readSignedParts(request: Omit<IncomingSignedRequest, 'body'>, nowMs: number): SignedParts {
  const headers = collectHeaders(request.rawHeaders);
  const { path, query } = splitTarget(request.path);
  const authorization = parseAuthorization(findAuthorization(headers, query));
  const { amzDate, dateMs } = readRequestDate(headers, authorization.scopeDate);
  checkSignedHeaders(authorization.signedHeaders, headers);
  refuseSessionToken(headers, query);
  if (authorization.service !== SIGNING_SERVICE) {
    throw new InvalidSignatureException(
      `Credential should be scoped to correct service: '${SIGNING_SERVICE}'.`,
    );
  }
  checkRequestTime(amzDate, dateMs, nowMs);
  const signed = selectSignedHeaders(authorization.signedHeaders, headers);
  return Object.assign(authorization, { path, query, dateMs, headers: signed });
}
