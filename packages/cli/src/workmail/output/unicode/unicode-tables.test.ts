/**
 * Checks the generated Unicode tables (and upper-casing) against the installed python3.
 * @module
 */
import { encodeCodePointRanges, pyUpper } from '@mailpat/client/python';
import { describe, expect, it } from 'vitest';
import { runPythonJson } from '../test-support/aws-cli-formatters.js';
import { EAST_ASIAN_WIDE } from './east-asian-wide.js';

interface PythonUnicode {
  version: string;
  wide: [number, number][];
  upper: Record<string, string>;
}

const SCRIPT = String.raw`
import json, unicodedata
def ranges(test):
    found, start = [], None
    for cp in range(0x110000):
        if test(chr(cp)):
            if start is None: start = cp
        elif start is not None:
            found.append((start, cp - 1)); start = None
    if start is not None: found.append((start, 0x10ffff))
    return found
print(json.dumps({
    'version': unicodedata.unidata_version,
    'wide': ranges(lambda c: unicodedata.east_asian_width(c) in 'WFA'),
    'upper': {cp: chr(cp).upper() for cp in range(0x110000) if chr(cp).upper() != chr(cp)},
}))
`;

describe('Unicode tables generated from Python', () => {
  const python = runPythonJson<PythonUnicode>(SCRIPT);

  it('count as wide exactly the characters unicodedata marks W, F or A', () => {
    const regenerate = `Python ${python.version} differs; new data: ${encodeCodePointRanges(python.wide)}`;
    expect(EAST_ASIAN_WIDE.toArray(), regenerate).toEqual(python.wide);
  });

  it('upper-case every code point as Python str.upper does', () => {
    const differences: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const char = String.fromCodePoint(codePoint);
      const expected = python.upper[codePoint] ?? char;
      if (pyUpper(char) !== expected) differences.push(codePoint.toString(16));
    }
    expect(differences).toEqual([]);
  });
});
