import { describe, expect, it } from 'vitest';
import { PyOverflowError, PyValueError } from './py-errors.js';
import { pyInt } from './py-number.js';

// Expected values were produced by CPython 3.11 `int()`.
describe('pyInt', () => {
  it.each([
    ['12', 12],
    [' 12 ', 12],
    ['+5', 5],
    ['-0', 0],
    ['1_000', 1000],
    ['\u0663', 3],
    ['\uff11\uff12', 12],
    ['\u3000 7\u2028', 7],
  ])('reads %j as %i', (text, expected) => {
    expect(pyInt(text)).toBe(expected);
  });

  it.each([
    ['1__0', "'1__0'"],
    ['_1', "'_1'"],
    ['1_', "'1_'"],
    ['0x10', "'0x10'"],
    ['3.0', "'3.0'"],
    ['', "''"],
    [' ', "' '"],
    ['\x1c7', "'\\x1c7'"],
    ['\x7f1', "'\\x7f1'"],
  ])('rejects %j with the ValueError message of int()', (text, shown) => {
    expect(() => pyInt(text)).toThrow(
      new PyValueError(`invalid literal for int() with base 10: ${shown}`),
    );
  });

  it('cuts the repr in the message at 200 characters', () => {
    const message = `invalid literal for int() with base 10: '${'x'.repeat(199)}`;
    expect(() => pyInt('x'.repeat(250))).toThrow(new PyValueError(message));
  });

  it('truncates numbers, reads bools, and rejects NaN, infinity and other types', () => {
    expect(pyInt(2.7)).toBe(2);
    expect(pyInt(-2.7)).toBe(-2);
    expect(pyInt(true)).toBe(1);
    expect(() => pyInt(Number.NaN)).toThrow(PyValueError);
    expect(() => pyInt(Number.POSITIVE_INFINITY)).toThrow(PyOverflowError);
    expect(() => pyInt([1])).toThrow(
      new TypeError(
        "int() argument must be a string, a bytes-like object or a real number, not 'list'",
      ),
    );
  });
});
