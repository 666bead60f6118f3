/**
 * Reads the error code of an AWS JSON error response.
 * @see https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization
 * @module
 */
import { ERROR_TYPE_HEADER } from './constants.js';
import type { ResponseHeaders } from './http-response.js';

/**
 * The bare code: `aws.protocoltests#FooError:http://...` and `FooError,Bar` both give `FooError`
 * (namespace before `#`, URI after `:` and anything after `,` dropped, as the SDKs do).
 */
export function sanitizeErrorCode(raw: string): string {
  let code = raw.trim();
  if (code.includes(',')) code = code.slice(0, code.indexOf(','));
  if (code.includes(':')) code = code.slice(0, code.indexOf(':'));
  if (code.includes('#')) code = code.slice(code.lastIndexOf('#') + 1);
  return code;
}

/** The code from `x-amzn-ErrorType`, else the body's `code` or `__type`; undefined if none. */
export function readErrorCode(
  headers: ResponseHeaders,
  body: Record<string, unknown>,
): string | undefined {
  const candidates = [headers.get(ERROR_TYPE_HEADER), body.code, body.Code, body.__type];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && sanitizeErrorCode(candidate) !== '') {
      return sanitizeErrorCode(candidate);
    }
  }
  return undefined;
}
