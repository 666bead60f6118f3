import { describe, expect, it } from 'vitest';
import { pyJsonDumps } from './py-json.js';

// Expected strings were produced by CPython 3.11 `json.dumps`.
describe('pyJsonDumps', () => {
  it('writes the separators, key order and escapes of json.dumps', () => {
    const value = {
      a: 'é😀\x7f\x00\u2028/"\\\n\t\b\f\r',
      b: 1.5,
      // JavaScript cannot tell 1e16 from 10**16: an integer-valued number prints as Python's int.
      c: 1e16,
      d: 1e-5,
      e: Number.NaN,
      f: Number.NEGATIVE_INFINITY,
      g: [],
      h: {},
      i: null,
      j: true,
      l: 0.1 + 0.2,
    };
    expect(pyJsonDumps(value)).toBe(
      '{"a": "\\u00e9\\ud83d\\ude00\\u007f\\u0000\\u2028/\\"\\\\\\n\\t\\b\\f\\r", "b": 1.5, ' +
        '"c": 10000000000000000, "d": 1e-05, "e": NaN, "f": -Infinity, "g": [], "h": {}, ' +
        '"i": null, "j": true, "l": 0.30000000000000004}',
    );
  });

  it('writes a resume token dict exactly as botocore encodes it', () => {
    expect(pyJsonDumps({ NextToken: 'tok-10', boto_truncate_amount: 5 })).toBe(
      '{"NextToken": "tok-10", "boto_truncate_amount": 5}',
    );
    expect(pyJsonDumps({ NextToken: null, boto_truncate_amount: 0 })).toBe(
      '{"NextToken": null, "boto_truncate_amount": 0}',
    );
  });

  it('raises TypeError for values JSON cannot hold, as json.dumps does', () => {
    expect(() => pyJsonDumps({ token: new Uint8Array([1]) })).toThrow(
      new TypeError('Object of type bytes is not JSON serializable'),
    );
    expect(() => pyJsonDumps(new Date(0))).toThrow(TypeError);
  });
});
