/**
 * Reads X-Amz-Date and checks it against the credential scope's date.
 * @module
 */
import { IncompleteSignatureException } from '../errors/index.js';
import { parseAmzDate } from './amz-date.js';
import { quoteForMessage } from './quote-for-message.js';
import type { HeaderValues } from './signed-request.js';

/** The request's signing time. Only `X-Amz-Date` is accepted (no `Date` fallback). */
export function readRequestDate(
  headers: HeaderValues,
  scopeDate: string,
): { amzDate: string; dateMs: number } {
  const amzDate = headers.get('x-amz-date')?.[0];
  if (amzDate === undefined) {
    throw new IncompleteSignatureException(
      "Authorization header requires existence of a 'X-Amz-Date' header.",
    );
  }
  const dateMs = parseAmzDate(amzDate);
  if (dateMs === undefined) {
    throw new IncompleteSignatureException(
      `X-Amz-Date must be an ISO 8601 basic UTC timestamp like 20261127T204600Z, ` +
        `got ${quoteForMessage(amzDate)}.`,
    );
  }
  if (amzDate.slice(0, 8) !== scopeDate) {
    throw new IncompleteSignatureException(
      'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from ' +
        `HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  return { amzDate, dateMs };
}
