import { describe, expect, it } from 'vitest';
import { CredentialsProviderError } from '../config/credentials.js';
import { PaginationError } from '../pagination/pagination-error.js';
import { PyValueError } from '../python/py-errors.js';
import { ERROR_CLASSES } from './error-classes.js';
import { NetworkError } from './network-error.js';
import { TimeoutError } from './timeout-error.js';
import { WorkMailClientError } from './workmail-client-error.js';
import { WorkMailServiceException } from './workmail-service-exception.js';

describe('WorkMailClientError', () => {
  const $metadata = { httpStatusCode: 400 };

  it('is the base of every modeled error class, keeping its name', () => {
    for (const [code, ErrorClass] of Object.entries(ERROR_CLASSES)) {
      const error = new ErrorClass({ message: 'm', $metadata });
      expect(error).toBeInstanceOf(WorkMailClientError);
      expect(error).toBeInstanceOf(WorkMailServiceException);
      expect(error.name).toBe(code);
    }
  });

  it('is the base of the transport, pagination and credential errors', () => {
    const errors = [
      new NetworkError('n'),
      new TimeoutError('t'),
      new PaginationError('p'),
      new CredentialsProviderError('c'),
      new PyValueError('v'),
    ];
    for (const error of errors) expect(error).toBeInstanceOf(WorkMailClientError);
    expect(errors.map((error) => error.name)).toEqual([
      'NetworkError',
      'TimeoutError',
      'PaginationError',
      'CredentialsProviderError',
      'ValueError',
    ]);
  });

  it('keeps the cause it is given', () => {
    const cause = new Error('socket hang up');
    expect(new NetworkError('n', { cause }).cause).toBe(cause);
  });
});
