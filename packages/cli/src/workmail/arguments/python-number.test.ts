/**
 * int(), float(), repr() and str.isspace ports against the Python running aws.
 * @module
 */
import { isPySpace, pyFloat, pyInt, pyRepr } from '@mailpat/client/python';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  comparable,
  expectedOf,
  outcomeOf,
  runAwsCliOracle,
} from './test-support/aws-cli-oracle.js';
import type { OracleCase, OracleResult } from './test-support/aws-cli-oracle.js';
import { chunkRanges, codePointRanges } from './test-support/code-point-ranges.js';

type Ranges = Array<[number, number]>;

const INTEGERS = [
  '0',
  '42',
  ' 42 ',
  '\t42\n',
  '+42',
  '-42',
  '-0',
  '007',
  '1_000',
  '1__000',
  '_1',
  '1_',
  '1 000',
  '+ 1',
  '',
  ' ',
  '0x10',
  '0b1',
  '1e3',
  '1.0',
  '4.',
  'abc',
  '12abc',
  '\u3000١٢\u2000',
  '１２',
  '\x1c1',
  '1\x85',
  '1\x00',
  '12345678901234567890',
  '1'.repeat(4300),
  '1'.repeat(4301),
  '1'.repeat(4301) + 'x',
  '1_'.repeat(4300) + '1',
  "it's",
  'say "hi"',
  'both \' and "',
  '😀',
];
const FLOATS = [
  '0',
  '1.5',
  ' 1.5\n',
  '-1.5',
  '+.5',
  '5.',
  '.',
  '1e5',
  '1E-5',
  '1e',
  'e5',
  '1e+',
  '1_0.5',
  '1_.5',
  '1._5',
  '1e1_0',
  '1_e5',
  '_1.0',
  'inf',
  '-inf',
  '+Infinity',
  'INFINITY',
  'nan',
  '-NaN',
  'in_f',
  'infinit',
  '0x1p3',
  '1e400',
  '-1e400',
  '1e-400',
  '-0.0',
  '١.٥',
  '1,5',
  '',
  'abc',
];
const STRINGS = [
  '',
  'plain',
  "it's",
  'say "hi"',
  'both \' and "',
  'back\\slash',
  'tab\tnew\nline\rcr',
  '\x00\x1f\x7f',
  '\x85\xa0\xad',
  'é ü ß',
  '\u2028\u3000',
  '\ud800',
  '😀',
  '\u{10ffff}',
  '\ufeff',
];

const LISTED: OracleCase[] = [
  ...INTEGERS.map((text) => ({ kind: 'int' as const, text })),
  ...FLOATS.map((text) => ({ kind: 'float' as const, text })),
  ...STRINGS.map((text) => ({ kind: 'repr' as const, text })),
];

let classes: Record<string, Ranges> = {};
let digitChunks: string[] = [];
let listedAnswers: OracleResult[] = [];
let digitAnswers: OracleResult[] = [];

beforeAll(() => {
  const [answer] = runAwsCliOracle([{ kind: 'classes' }]);
  classes = (answer as { value: Record<string, Ranges> }).value;
  digitChunks = chunkRanges(classes['decimal'] as Ranges, 10);
  const answers = runAwsCliOracle([
    ...LISTED,
    ...digitChunks.map((text) => ({ kind: 'int' as const, text })),
  ]);
  listedAnswers = answers.slice(0, LISTED.length);
  digitAnswers = answers.slice(LISTED.length);
});

const CONVERT: Record<string, (text: string) => unknown> = {
  int: pyInt,
  float: pyFloat,
  repr: pyRepr,
};

describe('Python semantics', () => {
  it("isPySpace accepts exactly Python's str.isspace, which is also re's \\s", () => {
    expect(classes['space']).toEqual(classes['isspace']);
    expect(codePointRanges(isPySpace)).toEqual(classes['isspace']);
  });

  describe('match Python on every listed spelling, value or message', () => {
    LISTED.forEach((entry, index) => {
      const { kind, text } = entry as { kind: string; text: string };
      it(`${kind}(${JSON.stringify(text).slice(0, 40)})`, () => {
        const ours = outcomeOf(() => (CONVERT[kind] as (text: string) => unknown)(text));
        expect(comparable(ours)).toEqual(expectedOf(listedAnswers[index] as OracleResult));
      });
    });
  });

  it('pyInt reads every Unicode decimal digit Python reads, with its value', () => {
    expect(digitChunks.length).toBeGreaterThan(60);
    const mismatches = digitChunks.flatMap((text, index) => {
      const expected = expectedOf(digitAnswers[index] as OracleResult);
      const actual = comparable(outcomeOf(() => pyInt(text)));
      return JSON.stringify(actual) === JSON.stringify(expected)
        ? []
        : [{ text, actual, expected }];
    });
    expect(mismatches).toEqual([]);
  });

  it('converts bytes and rejects containers as Python does', () => {
    expect(pyInt(new TextEncoder().encode(' 12\n'))).toBe(12);
    expect(() => pyInt(new Uint8Array([0xff]))).toThrow(
      "invalid literal for int() with base 10: b'\\xff'",
    );
    expect(() => pyInt(['1'])).toThrow(
      "int() argument must be a string, a bytes-like object or a real number, not 'list'",
    );
    expect(() => pyFloat({})).toThrow(
      "float() argument must be a string or a real number, not 'dict'",
    );
  });
});
