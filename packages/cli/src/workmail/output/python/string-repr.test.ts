/**
 * reprString against Python repr() for every code point.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { runPythonJson } from '../test-support/aws-cli-formatters.js';
import { reprString } from './string-repr.js';

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

describe('reprString', () => {
  it("escapes every code point and picks quotes as Python's repr does", () => {
    const expected = runPythonJson<string[]>(
      'import json,sys\nprint(json.dumps([repr(s) for s in json.load(sys.stdin)]))',
      SAMPLES,
    );
    expect(SAMPLES.map(reprString)).toEqual(expected);
  });

  it('uses double quotes only for text with a single quote and no double quote', () => {
    expect(reprString("it's")).toBe(`"it's"`);
    expect(reprString(`'"`)).toBe(`'\\'"'`);
    expect(reprString('\t\x7f\u00ad')).toBe("'\\t\\x7f\\xad'");
  });
});
