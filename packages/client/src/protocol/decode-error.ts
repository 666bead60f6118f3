/**
 * Turns an error response into the error class named by its code.
 * @module
 */
import { ERROR_CLASSES } from '../errors/error-classes.js';
import type { ErrorCode } from '../errors/error-classes.js';
import { WorkMailServiceException } from '../errors/workmail-service-exception.js';
import { readErrorCode } from './error-code.js';
import type { HttpResponse } from './http-response.js';
import { readResponseMetadata } from './response-metadata.js';

/** The code given when a response names none (e.g. a proxy's HTML 502). */
export const UNKNOWN_ERROR_CODE = 'UnknownError';

/**
 * A known code becomes its class; any other code a `WorkMailServiceException` named after it,
 * a server fault when the status is 5xx.
 */
export function decodeError(response: HttpResponse): WorkMailServiceException {
  const body = parseErrorBody(response.body);
  const code = readErrorCode(response.headers, body) ?? UNKNOWN_ERROR_CODE;
  const message = readMessage(body) ?? `${code} (HTTP ${response.statusCode})`;
  const options = { message, $metadata: readResponseMetadata(response) };
  if (Object.hasOwn(ERROR_CLASSES, code)) return new ERROR_CLASSES[code as ErrorCode](options);
  const $fault = response.statusCode >= 500 ? 'server' : 'client';
  return new WorkMailServiceException({ ...options, name: code, $fault });
}

/** The JSON object of the body, or `{}` when it is empty or not a JSON object. */
function parseErrorBody(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** AWS JSON services spell it `message`; some `Message` (the model's member name). */
function readMessage(body: Record<string, unknown>): string | undefined {
  const message = body.message ?? body.Message ?? body.errorMessage;
  return typeof message === 'string' && message !== '' ? message : undefined;
}
