import { describe, expect, it } from 'vitest';
import { ERROR_CLASSES } from '../errors/error-classes.js';
import type { ErrorCode } from '../errors/error-classes.js';
import { WorkMailServiceException } from '../errors/workmail-service-exception.js';
import { decodeError } from './decode-error.js';
import type { HttpResponse } from './http-response.js';

const SERVER_FAULTS = new Set(['InternalFailure', 'ServiceUnavailableException']);

function response(status: number, body: unknown, headers: Record<string, string> = {}) {
  return {
    statusCode: status,
    headers: new Headers({ 'x-amzn-RequestId': 'rid-1', ...headers }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  } satisfies HttpResponse;
}

describe('decodeError', () => {
  it.each(Object.keys(ERROR_CLASSES) as ErrorCode[])('decodes %s to its class', (code) => {
    const status = SERVER_FAULTS.has(code) ? 500 : 400;
    const error = decodeError(
      response(status, { __type: code, message: 'the message' }, { 'x-amzn-ErrorType': code }),
    );
    expect(error).toBeInstanceOf(ERROR_CLASSES[code]);
    expect(error).toBeInstanceOf(WorkMailServiceException);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(code);
    expect(error.message).toBe('the message');
    expect(error.$fault).toBe(SERVER_FAULTS.has(code) ? 'server' : 'client');
    expect(error.$metadata).toEqual({ httpStatusCode: status, requestId: 'rid-1' });
    expect(String(error)).toBe(`${code}: the message`);
  });

  it('strips a namespace prefix and a URI suffix from __type', () => {
    const error = decodeError(
      response(400, { __type: 'com.amazonaws.workmail#EntityNotFoundException:http://x/' }),
    );
    expect(error).toBeInstanceOf(ERROR_CLASSES.EntityNotFoundException);
  });

  it('reads the message from `Message` as well', () => {
    const error = decodeError(response(400, { __type: 'EntityStateException', Message: 'Up' }));
    expect(error.message).toBe('Up');
  });

  it('keeps an unknown code as the name of a WorkMailServiceException', () => {
    const error = decodeError(response(400, { __type: 'BrandNewException', message: 'new' }));
    expect(Object.getPrototypeOf(error)).toBe(WorkMailServiceException.prototype);
    expect(error).toMatchObject({ name: 'BrandNewException', message: 'new', $fault: 'client' });
  });

  it('makes an unknown code with a 5xx status a server fault', () => {
    const error = decodeError(response(504, { __type: 'GatewayTimeout' }));
    expect(error).toMatchObject({ name: 'GatewayTimeout', $fault: 'server' });
    expect(error.message).toBe('GatewayTimeout (HTTP 504)');
  });

  it('names a response without any code UnknownError, whatever its body', () => {
    const error = decodeError(response(502, '<html>Bad Gateway</html>'));
    expect(error).toMatchObject({
      name: 'UnknownError',
      $fault: 'server',
      $metadata: { httpStatusCode: 502, requestId: 'rid-1' },
    });
  });
});
