/**
 * pyRepr against CPython's repr(), one python3 run for the whole file.
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameUnless } from '../../../../test-support/skip-notice.js';
import { pyRepr } from './py-repr.js';
import { HAS_PYTHON3, PYTHON3_SKIP_NOTICE, runPythonJson } from './test-support/python3.js';

/** Every code point but the surrogates, which would pair up when adjacent in a JS string. */
function everyCodePoint(): string {
  let text = '';
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    if (codePoint < 0xd800 || codePoint > 0xdfff) text += String.fromCodePoint(codePoint);
  }
  return text;
}

const SAMPLES = [
  everyCodePoint(),
  '',
  "it's",
  'say "hi"',
  `both ' and "`,
  'back\\slash',
  'lone \ud800 high, lone \udfff low',
  'café 山 🔑 \u00a0\u200b\u2028\ufeff\u{e0001}',
];

/** Characters where a regex on Node's (newer) Unicode data and Python 3.11's disagree or might. */
const TRICKY = [
  ...['\u0301', '\u0300a', 'e\u20dd', '\u{e0100}'], // combining marks and a variation selector
  ...['\ud800', '\udbff', '\udc00', '\udfff', '\udfff\ud800'], // lone UTF-16 surrogates
  ...['\ue000', '\uf8ff', '\u{f0000}', '\u{10fffd}'], // private use
  ...['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff', '\u00ad'], // format
  ...['\u2028', '\u2029', '\u00a0', '\u3000', '\u1680'], // separators
  ...['\u0378', '\u{e0080}', '\uffff', '\u{10ffff}'], // unassigned in every version
  // Assigned after Unicode 14.0 (Node knows them, Python 3.11 does not): Python escapes them.
  ...['\u0cf3', '\u{1f6dc}', '\u{1fa75}', '\u{31350}', '\u{2ebf0}', '\u1c89'],
  ...['\u{1f600}', '\u{1d49c}', '\u{20000}', '\u{e0001}', '\u{1d173}'], // astral
];

/** One-character strings at random code points, lone surrogates included. */
const RANDOM = fc
  .sample(fc.integer({ min: 0x80, max: 0x10ffff }), { numRuns: 3000, seed: 14 })
  .map((codePoint) => String.fromCodePoint(codePoint));

const BATCH = [...SAMPLES, ...TRICKY, ...RANDOM];
const SUITE = nameUnless(HAS_PYTHON3, 'pyRepr against CPython', PYTHON3_SKIP_NOTICE);

describe.skipIf(!HAS_PYTHON3)(SUITE, () => {
  const expected = HAS_PYTHON3
    ? runPythonJson<string[]>(
        'import json,sys\nprint(json.dumps([repr(s) for s in json.load(sys.stdin)]))',
        BATCH,
      )
    : [];
  const at = (from: number, count: number) => expected.slice(from, from + count);

  it("escapes every code point and picks quotes as Python's repr does", () => {
    expect(SAMPLES.map(pyRepr)).toEqual(at(0, SAMPLES.length));
  });

  it('escapes marks, surrogates, private use, format and unassigned characters as Python', () => {
    expect(TRICKY.map(pyRepr)).toEqual(at(SAMPLES.length, TRICKY.length));
  });

  it('agrees with Python on random code points', () => {
    expect(RANDOM.map(pyRepr)).toEqual(at(SAMPLES.length + TRICKY.length, RANDOM.length));
  });
});

describe('pyRepr quoting', () => {
  it('uses double quotes only for text with a single quote and no double quote', () => {
    expect(pyRepr("it's")).toBe(`"it's"`);
    expect(pyRepr(`'"`)).toBe(`'\\'"'`);
    expect(pyRepr('\t\x7f\u00ad')).toBe("'\\t\\x7f\\xad'");
  });
});
