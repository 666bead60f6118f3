import { describe, expect, it } from 'vitest';
import { pyRepr } from './py-repr.js';

// Expected strings were produced by CPython 3.11 `repr`.
describe('pyRepr', () => {
  it.each([
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`both ' "`, `'both \\' "'`],
    ['\x00\x7f\x85é\u200b😀\ud800\xa0', "'\\x00\\x7f\\x85é\\u200b😀\\ud800\\xa0'"],
    ['tab\tnl\n\\', "'tab\\tnl\\n\\\\'"],
    ['\u{e0001}', "'\\U000e0001'"],
    ['\u0378', "'\\u0378'"],
  ])('quotes and escapes %j as Python does', (value, expected) => {
    expect(pyRepr(value)).toBe(expected);
  });

  it('renders dicts, lists, None, bools, floats and bytes as Python does', () => {
    const value = {
      NextToken: 'tok-7',
      n: [1, null, true, false, 2.5, 1e-7, Number.NaN, new Uint8Array([0, 97, 39, 34])],
    };
    expect(pyRepr(value)).toBe(
      `{'NextToken': 'tok-7', 'n': [1, None, True, False, 2.5, 1e-07, nan, b'\\x00a\\'"']}`,
    );
  });

  it('renders the dict botocore puts in the same-token-twice message', () => {
    expect(pyRepr({ NextToken: 'tok-7' })).toBe("{'NextToken': 'tok-7'}");
  });
});
