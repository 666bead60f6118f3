/**
 * The test oracle: the smithy-based signature recomputation mailpat verified with until issue 15,
 * kept verbatim (signer cache included) so the hand-written verifier is checked against it.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 * @module
 */
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { ComputedSignature, SigningInput } from '../compute-signature.js';
import { SIGNING_SERVICE } from '../constants.js';

const SIGNER_CACHE_SIZE = 256;
const signers = new Map<string, SignatureV4>();

/**
 * The signer for these credentials. Region and service come from each request's scope at
 * signing time, so they are placeholders here. `applyChecksum: false` keeps smithy from adding
 * an `x-amz-content-sha256` the client did not send; `uriEscapePath` is what the SDKs use for
 * every service but S3.
 */
function getSigner(accessKeyId: string, secretAccessKey: string): SignatureV4 {
  // Key IDs never contain whitespace (the parser refuses it), so '\n' cannot be ambiguous.
  const key = `${accessKeyId}\n${secretAccessKey}`;
  let signer = signers.get(key);
  if (signer === undefined) {
    signer = new SignatureV4({
      credentials: { accessKeyId, secretAccessKey },
      region: 'us-east-1',
      service: SIGNING_SERVICE,
      sha256: Hash.bind(null, 'sha256'),
      applyChecksum: false,
      uriEscapePath: true,
    });
    if (signers.size >= SIGNER_CACHE_SIZE) signers.delete(signers.keys().next().value as string);
    signers.set(key, signer);
  }
  return signer;
}

/** Signs the rebuilt request; `signableHeaders` stops smithy dropping any header as unsignable. */
export async function computeSignatureWithSmithy(input: SigningInput): Promise<ComputedSignature> {
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
