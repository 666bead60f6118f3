/**
 * The SigV4 signer of the client: smithy's, for service `workmail`, SHA-256 from Node.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html
 * @module
 */
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { CredentialsProvider } from '../config/credentials.js';
import { SIGNING_SERVICE } from './constants.js';

/** A signer that asks the provider for credentials on every request (they may rotate). */
export function createSigner(credentials: CredentialsProvider, region: string): SignatureV4 {
  return new SignatureV4({
    service: SIGNING_SERVICE,
    region,
    credentials,
    sha256: Hash.bind(null, 'sha256'),
    // The request path is signed escaped once more, as every AWS service but S3 expects.
    uriEscapePath: true,
  });
}
