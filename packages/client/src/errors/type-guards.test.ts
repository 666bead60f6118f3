import { describe, expect, it } from 'vitest';
import { EntityNotFoundException } from './entity-not-found-exception.js';
import { InvalidParameterException } from './invalid-parameter-exception.js';
import { NetworkError } from './network-error.js';
import { TimeoutError } from './timeout-error.js';
import { isNetworkError, isTimeoutError, isWorkMailServiceException } from './type-guards.js';
import { WorkMailServiceException } from './workmail-service-exception.js';

const $metadata = { httpStatusCode: 400, requestId: 'r' };

/** What an error thrown by another copy of the package (e.g. the CommonJS build) looks like. */
function foreignCopy(name: string) {
  return Object.assign(new Error('from the other build'), { name, $fault: 'client', $metadata });
}

describe('error type guards', () => {
  it('isWorkMailServiceException matches any service error, or one code', () => {
    const error = new InvalidParameterException({ message: 'bad', $metadata });
    expect(isWorkMailServiceException(error)).toBe(true);
    expect(isWorkMailServiceException(error, 'InvalidParameterException')).toBe(true);
    expect(isWorkMailServiceException(error, 'EntityNotFoundException')).toBe(false);
    expect(isWorkMailServiceException(new Error('plain'))).toBe(false);
    expect(isWorkMailServiceException(undefined)).toBe(false);
  });

  it('matches on name, so errors from another copy of the package are recognised', () => {
    const error = foreignCopy('EntityNotFoundException');
    expect(error).toBeInstanceOf(WorkMailServiceException);
    expect(error).toBeInstanceOf(EntityNotFoundException);
    expect(error).not.toBeInstanceOf(InvalidParameterException);
    expect(isWorkMailServiceException(error, 'EntityNotFoundException')).toBe(true);
  });

  it('an unknown-code fallback with a known name is an instance of that class', () => {
    const error = new WorkMailServiceException({
      name: 'EntityNotFoundException',
      $fault: 'client',
      message: 'm',
      $metadata,
    });
    expect(error).toBeInstanceOf(EntityNotFoundException);
  });

  it('does not take plain errors or look-alikes without $fault for service errors', () => {
    expect(new Error('x')).not.toBeInstanceOf(WorkMailServiceException);
    const named = Object.assign(new Error('x'), { name: 'EntityNotFoundException' });
    expect(named).not.toBeInstanceOf(EntityNotFoundException);
  });

  it('isTimeoutError and isNetworkError match their classes and same-named look-alikes', () => {
    expect(isTimeoutError(new TimeoutError('t'))).toBe(true);
    expect(isNetworkError(new NetworkError('n'))).toBe(true);
    expect(isTimeoutError(new NetworkError('n'))).toBe(false);
    expect(isNetworkError(Object.assign(new Error('n'), { name: 'NetworkError', $metadata }))).toBe(
      true,
    );
    expect(isTimeoutError(new DOMException('t', 'TimeoutError'))).toBe(false);
  });
});
