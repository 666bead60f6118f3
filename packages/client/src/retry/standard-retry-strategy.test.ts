import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERROR_CLASSES } from '../errors/error-classes.js';
import type { ErrorCode } from '../errors/error-classes.js';
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { WorkMailServiceException } from '../errors/workmail-service-exception.js';
import { StandardRetryStrategy } from './standard-retry-strategy.js';

const RETRIED_CODES = new Set([
  'ThrottlingException',
  'InternalFailure',
  'ServiceUnavailableException',
]);

function serviceError(code: string, status: number, extra = {}) {
  return new WorkMailServiceException({
    name: code,
    $fault: status >= 500 ? 'server' : 'client',
    message: code,
    $metadata: { httpStatusCode: status, ...extra },
  });
}

describe('StandardRetryStrategy.computeDelay', () => {
  it('stays within [0, min(20 s, 100 ms * 2^(attempts-1))) for any random in [0, 1)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempts, r) => {
          const delay = new StandardRetryStrategy({ random: () => r }).computeDelay(attempts);
          const ceiling = Math.min(20_000, 100 * 2 ** (attempts - 1));
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(ceiling);
        },
      ),
    );
  });

  it('doubles the ceiling per attempt up to the cap', () => {
    const strategy = new StandardRetryStrategy({ random: () => 0.999999 });
    const delays = [1, 2, 3, 4, 8, 9, 20].map((n) => strategy.computeDelay(n));
    expect(delays).toEqual([99, 199, 399, 799, 12799, 19999, 19999]);
  });
});

describe('StandardRetryStrategy.shouldRetry', () => {
  const strategy = new StandardRetryStrategy({ maxAttempts: 3 });

  it.each(Object.keys(ERROR_CLASSES) as ErrorCode[])('%s: retried only if transient', (code) => {
    const status =
      code === 'InternalFailure' ? 500 : code === 'ServiceUnavailableException' ? 503 : 400;
    const error = new ERROR_CLASSES[code]({ message: '', $metadata: { httpStatusCode: status } });
    expect(strategy.shouldRetry(error, 1)).toBe(RETRIED_CODES.has(code));
  });

  it('retries 429 and every 5xx, whatever the code', () => {
    expect(strategy.shouldRetry(serviceError('Whatever', 429), 1)).toBe(true);
    for (const status of [500, 501, 502, 503, 504, 599]) {
      expect(strategy.shouldRetry(serviceError('UnknownError', status), 1)).toBe(true);
    }
  });

  it('never retries other 4xx, LimitExceededException included', () => {
    for (const status of [400, 403, 404, 409]) {
      expect(strategy.shouldRetry(serviceError('SomeClientError', status), 1)).toBe(false);
    }
    expect(strategy.shouldRetry(serviceError('LimitExceededException', 400), 1)).toBe(false);
  });

  it('retries network errors and timeouts, not arbitrary errors', () => {
    expect(strategy.shouldRetry(new NetworkError('x'), 1)).toBe(true);
    expect(strategy.shouldRetry(new TimeoutError('x'), 2)).toBe(true);
    expect(strategy.shouldRetry(new Error('x'), 1)).toBe(false);
    expect(strategy.shouldRetry(new DOMException('aborted', 'AbortError'), 1)).toBe(false);
  });

  it('retries an auth error once the clock offset was corrected', () => {
    const skewed = serviceError('InvalidSignatureException', 403, { clockSkewCorrected: true });
    expect(strategy.shouldRetry(skewed, 1)).toBe(true);
    expect(strategy.shouldRetry(serviceError('InvalidSignatureException', 403), 1)).toBe(false);
  });

  it('stops at maxAttempts', () => {
    expect(strategy.shouldRetry(new NetworkError('x'), 3)).toBe(false);
  });

  it('refuses a maxAttempts below 1', () => {
    expect(() => new StandardRetryStrategy({ maxAttempts: 0 })).toThrow(RangeError);
    expect(() => new StandardRetryStrategy({ maxAttempts: 1.5 })).toThrow(RangeError);
  });
});
