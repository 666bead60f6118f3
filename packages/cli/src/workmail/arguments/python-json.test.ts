/**
 * parsePythonJson against Python's own json.loads, values and error messages.
 * @module
 */
import { PyValueError } from '@mailpat/client/python';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePythonJson } from './python-json.js';
import {
  comparable,
  expectedOf,
  outcomeOf,
  runAwsCliOracle,
} from './test-support/aws-cli-oracle.js';
import type { OracleResult } from './test-support/aws-cli-oracle.js';

const DOCUMENTS = [
  '{}',
  '[]',
  ' \t\n\r{"a": 1} \n',
  '{"a": {"b": [1, 2.5, -0, -0.0, 1e3, 1E-2, 0.5e+1]}}',
  '{"a": true, "b": false, "c": null}',
  '[NaN, Infinity, -Infinity]',
  '"string"',
  '12345678901234567890',
  '1' + '0'.repeat(4300),
  '1' + '0'.repeat(4299),
  '1.' + '0'.repeat(5000),
  '{"a": 1, "a": 2, "b": 3}',
  '{"__proto__": {"x": 1}}',
  '["\\u00e9\\ud83d\\ude00", "\\ud800", "\\udc00x", "\\ud800\\u0041"]',
  '["\\"\\\\\\/\\b\\f\\n\\r\\t"]',
  '"😀 é"',
  '',
  '   ',
  '{',
  '[',
  '{"a"',
  '{"a" 1}',
  '{"a": }',
  '{"a": 1,}',
  '[1,]',
  '[1 2]',
  '{"a": 1} x',
  '{"a": 1}}',
  "{'a': 1}",
  '{a: 1}',
  '[01]',
  '[-]',
  '[1.]',
  '[.5]',
  '[1e]',
  '[+1]',
  '[nan]',
  '[infinity]',
  '[-Infinity1]',
  '["a\nb"]',
  '["a\u0001"]',
  '["a\\x"]',
  '["\\u12"]',
  '["\\u12"',
  '"\\u1234',
  '"\\ud800\\udc00',
  '"\\ud800\\udc00"',
  '["\\u12g4"]',
  '["\\ud800\\u12g4"]',
  '["\\ud800\\u"]',
  '["abc',
  '"abc\\',
  '\ufeff{}',
  '{"a":\n  [1,\n  2,,\n  3]}',
  '{"😀": [1,\n "é", x]}',
  'tru',
  'nul',
  '[true false]',
];

let answers: OracleResult[] = [];
beforeAll(() => {
  answers = runAwsCliOracle(DOCUMENTS.map((text) => ({ kind: 'json' as const, text })));
});

describe('parsePythonJson', () => {
  describe("matches Python's json.loads", () => {
    DOCUMENTS.forEach((text, index) => {
      it(`on ${JSON.stringify(text).slice(0, 60)}`, () => {
        const ours = outcomeOf(() => parsePythonJson(text));
        expect(comparable(ours)).toEqual(expectedOf(answers[index] as OracleResult));
      });
    });
  });

  it('keeps integers beyond 2^53 as the nearest number', () => {
    expect(parsePythonJson('[12345678901234567890]')).toEqual([12345678901234567000]);
  });

  it('throws a ValueError, which aws reports as "Invalid JSON"', () => {
    expect(() => parsePythonJson('{')).toThrow(PyValueError);
    expect(() => parsePythonJson('{')).toThrow(
      'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)',
    );
  });

  // Measured with aws CLI 1.45: `--filters` decodes objects nested 981 deep and fails at 982.
  it('fails on nesting as deep as the aws CLI runs out of Python stack', () => {
    const nest = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    expect(() => parsePythonJson(nest(981))).not.toThrow();
    expect(() => parsePythonJson(nest(982))).toThrow(
      'maximum recursion depth exceeded while decoding a JSON object from a unicode string',
    );
    expect(() => parsePythonJson('['.repeat(982) + ']'.repeat(982))).toThrow(
      'maximum recursion depth exceeded while decoding a JSON array from a unicode string',
    );
  });
});
