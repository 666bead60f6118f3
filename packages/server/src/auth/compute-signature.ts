/**
 * Recomputes a request's SigV4 signature with smithy, over exactly the signed headers.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 * @module
 */
import { HttpRequest } from '@smithy/protocol-http';
import type { QueryParameters } from './signed-request.js';
import { getSigner } from './signer-cache.js';

/** Everything the signature covers, as the client claims to have signed it. */
export interface SigningInput {
  accessKeyId: string;
  secretAccessKey: string;
  method: string;
  path: string;
  query: QueryParameters;
  /** Exactly the signed headers, lower-case names, duplicates already joined. */
  headers: Record<string, string>;
  body: Buffer;
  dateMs: number;
  region: string;
  service: string;
  signedHeaders: readonly string[];
}

/** The signature smithy computes, and the SignedHeaders it actually covered. */
export interface ComputedSignature {
  signature: string;
  signedHeaders: string;
}

/** Signs the rebuilt request; `signableHeaders` stops smithy dropping any header as unsignable. */
export async function computeSignature(input: SigningInput): Promise<ComputedSignature> {
  const request = new HttpRequest({
    method: input.method,
    hostname: input.headers.host ?? '',
    path: input.path,
    query: input.query,
    headers: input.headers,
    body: input.body,
  });
  const signed = await getSigner(input.accessKeyId, input.secretAccessKey).sign(request, {
    signingDate: new Date(input.dateMs),
    signingRegion: input.region,
    signingService: input.service,
    signableHeaders: new Set(input.signedHeaders),
  });
  return readAuthorization(signed.headers.authorization ?? '');
}

/** Reads smithy's own `..., SignedHeaders=<list>, Signature=<hex>` output. */
function readAuthorization(authorization: string): ComputedSignature {
  const list = authorization.indexOf('SignedHeaders=') + 'SignedHeaders='.length;
  const signature = authorization.lastIndexOf('Signature=') + 'Signature='.length;
  return {
    signedHeaders: authorization.slice(list, authorization.indexOf(',', list)),
    signature: authorization.slice(signature),
  };
}
