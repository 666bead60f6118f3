/**
 * pyJsonNumberRepr against Python repr(json.loads(JSON.stringify(n))), one python3 run.
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameUnless } from '../../../../test-support/skip-notice.js';
import { pyJsonNumberRepr } from './py-float.js';
import { HAS_PYTHON3, PYTHON3_SKIP_NOTICE, runPythonJson } from './test-support/python3.js';

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

describe('pyJsonNumberRepr', () => {
  const cpython = nameUnless(
    HAS_PYTHON3,
    'prints every number as Python prints json.loads of its JSON text',
    PYTHON3_SKIP_NOTICE,
  );
  it.skipIf(!HAS_PYTHON3)(cpython, () => {
    const samples = fc.sample(fc.oneof(fc.double(), fc.integer(), fc.maxSafeInteger()), 3000);
    const numbers = [...EDGES, ...samples].filter(Number.isFinite);
    const expected = runPythonJson<string[]>(
      'import json,sys\nprint(json.dumps([repr(json.loads(t)) for t in json.load(sys.stdin)]))',
      numbers.map((n) => JSON.stringify(n)),
    );
    expect(numbers.map(pyJsonNumberRepr)).toEqual(expected);
  });

  it('keeps integers as digits and switches floats to exponents at Python thresholds', () => {
    expect(pyJsonNumberRepr(10 ** 20)).toBe('100000000000000000000');
    expect(pyJsonNumberRepr(1e21)).toBe('1e+21');
    expect(pyJsonNumberRepr(1234567890123456.8)).toBe('1234567890123456.8');
    // The digits JSON.stringify put on the wire, which Python reads back as this exact int.
    expect(pyJsonNumberRepr(2 ** 60)).toBe('1152921504606847000');
    expect(pyJsonNumberRepr(0.0001)).toBe('0.0001');
    expect(pyJsonNumberRepr(0.00001)).toBe('1e-05');
    expect(pyJsonNumberRepr(-2.5e-10)).toBe('-2.5e-10');
  });
});
