import { describe, expect, it } from 'vitest';
import { PyValueError } from './py-errors.js';
import { pyB64Decode } from './py-base64.js';

// Expected bytes were produced by CPython 3.11 `base64.b64decode` (validate=False).
describe('pyB64Decode', () => {
  it.each([
    ['YWJj', [97, 98, 99]],
    ['eyJ9', [123, 34, 125]],
    ['YQ==YQ==', [97]],
    ['abc=d', [105, 183]],
    ['Y Q = =', [97]],
    ['=YQ==', [97]],
    ['YQ=x=', [97, 12]],
  ])('decodes %j leniently, skipping junk and stopping at padding', (text, bytes) => {
    expect([...pyB64Decode(text)]).toEqual(bytes);
  });

  it('skips line breaks inside a token', () => {
    const bytes = pyB64Decode('eyJOZXh0VG9rZW4i\nOiAidG9rLTEwIn0=');
    expect(Buffer.from(bytes).toString()).toBe('{"NextToken": "tok-10"}');
  });

  it.each([
    ['tok-10', 'number of data characters (5) cannot be 1 more than a multiple of 4'],
    ['Y===', 'number of data characters (1) cannot be 1 more than a multiple of 4'],
  ])('rejects %j with one character too many', (text, detail) => {
    expect(() => pyB64Decode(text)).toThrow(
      new PyValueError(`Invalid base64-encoded string: ${detail}`),
    );
  });

  it('rejects missing padding', () => {
    expect(() => pyB64Decode('YQ=')).toThrow(new PyValueError('Incorrect padding'));
  });
});
