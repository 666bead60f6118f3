import { describe, expect, it } from 'vitest';
import { readErrorCode, sanitizeErrorCode } from './error-code.js';

describe('sanitizeErrorCode', () => {
  it.each([
    ['InvalidParameterException', 'InvalidParameterException'],
    ['com.amazonaws.workmail#InvalidParameterException', 'InvalidParameterException'],
    [
      'aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/',
      'FooError',
    ],
    ['FooError:http://internal.amazon.com/', 'FooError'],
    ['FooError,BarError', 'FooError'],
    [' ThrottlingException ', 'ThrottlingException'],
  ])('reads %j as %s', (raw, code) => {
    expect(sanitizeErrorCode(raw)).toBe(code);
  });
});

describe('readErrorCode', () => {
  it('prefers the x-amzn-ErrorType header over the body', () => {
    const headers = new Headers({ 'x-amzn-ErrorType': 'ns#HeaderError:uri' });
    expect(readErrorCode(headers, { __type: 'BodyError' })).toBe('HeaderError');
  });

  it('falls back to the body: code, then __type', () => {
    expect(readErrorCode(new Headers(), { __type: 'ns#TypeError' })).toBe('TypeError');
    expect(readErrorCode(new Headers(), { code: 'CodeError', __type: 'T' })).toBe('CodeError');
  });

  it('is undefined when nothing names a code', () => {
    expect(readErrorCode(new Headers(), {})).toBeUndefined();
    expect(readErrorCode(new Headers(), { __type: 42 })).toBeUndefined();
  });
});
