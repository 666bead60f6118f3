/**
 * A bounded cache of smithy signers, one per (access key, secret).
 * @module
 */
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { SIGNER_CACHE_SIZE, SIGNING_SERVICE } from './constants.js';

const signers = new Map<string, SignatureV4>();

/**
 * The signer for these credentials. Region and service come from each request's scope at
 * signing time, so they are placeholders here. `applyChecksum: false` keeps smithy from adding
 * an `x-amz-content-sha256` the client did not send; `uriEscapePath` is what the SDKs use for
 * every service but S3.
 */
export function getSigner(accessKeyId: string, secretAccessKey: string): SignatureV4 {
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
