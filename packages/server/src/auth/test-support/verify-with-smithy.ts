/**
 * Test oracle: `verifySigV4` as it was before issue 15, its signature step on smithy's signer
 * (`computeSignatureWithSmithy`); every step before it is the production code.
 * @module
 */
import { InvalidSignatureException } from '../../errors/index.js';
import { compareSignatures } from '../compare-signatures.js';
import { SIGNING_SERVICE } from '../constants.js';
import { checkContentHash } from '../content-hash.js';
import type { IncomingSignedRequest } from '../signed-request.js';
import { verifySigV4Headers } from '../verify-sigv4.js';
import type { LookupSecret } from '../verify-sigv4.js';
import { computeSignatureWithSmithy } from './smithy-compute-signature.js';

/** Resolves or throws exactly as the smithy-based verifier did. */
export async function verifyWithSmithy(
  request: IncomingSignedRequest,
  lookupSecret: LookupSecret,
  nowMs: number,
): Promise<{ accessKeyId: string; region: string }> {
  const { parts, key } = await verifySigV4Headers(request, lookupSecret, nowMs);
  checkContentHash(parts.headers, request.body);
  const computed = await computeSignatureWithSmithy({
    ...parts,
    service: SIGNING_SERVICE,
    secretAccessKey: key.secretAccessKey,
    method: request.method,
    body: request.body,
  });
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
