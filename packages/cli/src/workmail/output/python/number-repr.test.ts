/**
 * reprNumber against Python repr(json.loads(JSON.stringify(n))).
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPythonJson } from '../test-support/aws-cli-formatters.js';
import { reprNumber } from './number-repr.js';

const EDGES = [
  0,
  -0,
  1,
  -1,
  0.5,
  0.1,
  0.1 + 0.2,
  1 / 3,
  2 ** 53,
  2 ** 53 + 2,
  1e21,
  1e22,
  9.999999999999999e20,
  5e-324,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e-7,
  1.5e-7,
  123456789.123,
  1795773600.123,
  ...Array.from({ length: 50 }, (_, i) => 10 ** (i - 25)),
  ...Array.from({ length: 50 }, (_, i) => -1.2345 * 10 ** (i - 25)),
];

describe('reprNumber', () => {
  it('prints every number as Python prints json.loads of its JSON text', () => {
    const samples = fc.sample(fc.oneof(fc.double(), fc.integer(), fc.maxSafeInteger()), 3000);
    const numbers = [...EDGES, ...samples].filter(Number.isFinite);
    const expected = runPythonJson<string[]>(
      'import json,sys\nprint(json.dumps([repr(json.loads(t)) for t in json.load(sys.stdin)]))',
      numbers.map((n) => JSON.stringify(n)),
    );
    expect(numbers.map(reprNumber)).toEqual(expected);
  });

  it('keeps integers as digits and switches floats to exponents at Python thresholds', () => {
    expect(reprNumber(10 ** 20)).toBe('100000000000000000000');
    expect(reprNumber(1e21)).toBe('1e+21');
    expect(reprNumber(1234567890123456.8)).toBe('1234567890123456.8');
    // The digits JSON.stringify put on the wire, which Python reads back as this exact int.
    expect(reprNumber(2 ** 60)).toBe('1152921504606847000');
    expect(reprNumber(0.0001)).toBe('0.0001');
    expect(reprNumber(0.00001)).toBe('1e-05');
    expect(reprNumber(-2.5e-10)).toBe('-2.5e-10');
  });
});
