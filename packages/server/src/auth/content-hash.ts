/**
 * Checks a signed `x-amz-content-sha256` against the body actually received.
 * @module
 */
import { InvalidSignatureException } from '../errors/index.js';
import { sha256Hex } from './sha256-hex.js';

/**
 * smithy trusts a present `x-amz-content-sha256` as the payload hash, so a signed one must be
 * the body's SHA-256; `UNSIGNED-PAYLOAD` and the streaming forms are refused.
 */
export function checkContentHash(
  signedHeaders: Readonly<Record<string, string>>,
  body: Buffer,
): void {
  const claimed = signedHeaders['x-amz-content-sha256'];
  if (claimed === undefined) return;
  if (claimed !== sha256Hex(body)) {
    throw new InvalidSignatureException(
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }
}
