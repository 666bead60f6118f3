/**
 * ShorthandParser against awscli.shorthand.ShorthandParser on the same inputs.
 * @module
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ShorthandParseSyntaxError } from './shorthand-errors.js';
import { SHORTHAND_CHARACTER_CLASSES, ShorthandParser } from './shorthand-parser.js';
import {
  comparable,
  expectedOf,
  outcomeOf,
  runAwsCliOracle,
} from './test-support/aws-cli-oracle.js';
import type { OracleResult } from './test-support/aws-cli-oracle.js';
import { codePointRanges } from './test-support/code-point-ranges.js';

const INPUTS = [
  'a=b',
  'a=b,c=d',
  'a=b,c',
  'a=b,c,d=e',
  'a=b , c , d = e',
  'a = b',
  'a=b c',
  'a=b\tc',
  'a=b\nc=d',
  'a=b,\nc=d',
  'a=  b  ',
  'a=b,  ',
  'a=b,',
  'a=b,,c=d',
  'a=,b=c',
  'a=',
  'a',
  '',
  ' ',
  '=b',
  ',a=b',
  'a==b',
  'a=b=c',
  'a=b,c==d',
  'a=b,c=d,a=e',
  'a=b,a=c',
  'a=[b,a=c]',
  'a=[]',
  'a=[ ]',
  'a=[b]',
  'a=[b, c]',
  'a=[b,]',
  'a=[,]',
  'a=[b',
  'a=[b c]',
  'a=[[b],[c,[d]]]',
  'a=[{b=c},{d=e}]',
  'a={}',
  'a={b=c}',
  'a={ b = c , d = [e] }',
  'a={b=c,}',
  'a={b=c,b=d}',
  'a={b}',
  'a={b=c',
  'a={b={c={d=e}}}',
  'a=[b],c=d',
  'a=[b] c=d',
  'a={b=c} ,d=e',
  'a="b"',
  "a='b'",
  'a="b,c"',
  "a='b,c',d='e'",
  'a="b" ,c="d"',
  'a="b"c',
  'a=x,"y",z',
  "a=x,'y'z",
  'a="b',
  "a='b",
  "a='it\\'s'",
  'a="say \\"hi\\""',
  'a="back\\\\slash"',
  "a='\\\\\\''",
  'a="\\\\"',
  'a="\\"',
  'a=[ "b", \'c\' ]',
  'a={b="c,d"}',
  'a=b\\,c',
  'a=b\\,c,d',
  'a=\\,',
  'a=b\\',
  'a=b\\\\,c',
  'a-b_c.d#e/f:g=1',
  'a*b=1',
  'a=b*c%d&e(f)g+h',
  'a=b!c#d$e',
  'a=~b|c^d`e',
  'a=b]c}d',
  'a=]b',
  'a=}b',
  'a=b[c{d',
  'a=b,c]',
  'a=é,b=ü',
  'a=😀',
  'a=x😀',
  'a="😀",b=😀',
  'a=\u3000b\u3000',
  'a=b\u3000,c=d',
  'a=\u00a0',
  'a@=b',
  'a @ = b',
  'a@b',
  'a@',
  'a={b@=c}',
];

let answers: OracleResult[] = [];
let classes: Record<string, Array<[number, number]>> = {};

beforeAll(() => {
  const results = runAwsCliOracle([
    { kind: 'classes' },
    ...INPUTS.map((text) => ({ kind: 'shorthand' as const, text })),
  ]);
  classes = (results[0] as { value: typeof classes }).value;
  answers = results.slice(1);
});

const parse = (text: string) => new ShorthandParser(() => undefined).parse(text);

describe('ShorthandParser', () => {
  for (const name of ['start', 'firstFollow', 'secondFollow'] as const) {
    it(`accepts in the ${name} class exactly the code points Python's regex does`, () => {
      const regex = new RegExp(`^[${SHORTHAND_CHARACTER_CLASSES[name]}]$`, 'u');
      expect(codePointRanges((char) => regex.test(char))).toEqual(classes[name]);
    });
  }

  describe('parses as awscli.shorthand.ShorthandParser does (value or message)', () => {
    INPUTS.forEach((text, index) => {
      it(JSON.stringify(text), () => {
        expect(comparable(outcomeOf(() => parse(text)))).toEqual(
          expectedOf(answers[index] as OracleResult),
        );
      });
    });
  });

  it('reads a csv value as a list and stops before the next key', () => {
    expect(parse('Status=a,b,LifetimeInDays=5')).toEqual({
      Status: ['a', 'b'],
      LifetimeInDays: '5',
    });
  });

  it('points a caret at the failing character, counting code points', () => {
    const error = outcomeOf(() => parse('a=😀x'));
    expect(error).toEqual({
      error: "Expected: ',', received: '😀' for input:\na=😀x\n  ^",
      type: 'mailpat',
    });
    expect(() => parse('a')).toThrow(ShorthandParseSyntaxError);
  });

  it('resolves key@= values through the given loader only', () => {
    const loaded = new ShorthandParser((value) => (value === 'file://x' ? 'X' : undefined));
    expect(loaded.parse('a@=file://x,b=file://x,c@=plain')).toEqual({
      a: 'X',
      b: 'file://x',
      c: 'plain',
    });
  });
});
