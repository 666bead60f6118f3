/**
 * formatJson against `aws --output json` (awscli JSONFormatter), byte for byte.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { formatJson } from './format-json.js';
import { runAwsCliFormatters } from './test-support/aws-cli-formatters.js';
import { expectSameOutcome } from './test-support/outcome.js';
import { REPRESENTATIVE_VALUES } from './test-support/representative-values.js';

describe('formatJson', () => {
  const expected = runAwsCliFormatters(
    REPRESENTATIVE_VALUES.map(({ value }) => ({ format: 'json', value })),
  );

  it.each(REPRESENTATIVE_VALUES.map(({ name, value }, i) => ({ name, value, i })))(
    'prints $name byte for byte as aws --output json',
    ({ value, i }) => expectSameOutcome(() => formatJson(value), expected[i]),
  );

  it('prints nothing for an empty response, but [] and "" as JSON', () => {
    expect(formatJson({})).toBe('');
    expect(formatJson([])).toBe('[]\n');
    expect(formatJson('')).toBe('""\n');
    expect(formatJson(null)).toBe('null\n');
  });

  it('indents by four spaces and keeps empty containers on one line', () => {
    expect(formatJson({ Users: [{ Id: 'u-1', Tags: {} }], Scopes: [] })).toBe(
      '{\n    "Users": [\n        {\n            "Id": "u-1",\n            "Tags": {}\n' +
        '        }\n    ],\n    "Scopes": []\n}\n',
    );
  });

  it('prints floats as Python repr and integers as digits', () => {
    expect(formatJson([1.5, 1e-7, 0.0001, 1e21, 1e16, 1234567890123456.8, 10 ** 20, -0])).toBe(
      '[\n    1.5,\n    1e-07,\n    0.0001,\n    1e+21,\n    10000000000000000,\n' +
        '    1234567890123456.8,\n    100000000000000000000,\n    0\n]\n',
    );
  });

  it('keeps non-ASCII text and escapes only quotes, backslashes and C0 controls', () => {
    expect(formatJson('é 山 🔑 "q" \\ \n \u0001 \u007f')).toBe(
      '"é 山 🔑 \\"q\\" \\\\ \\n \\u0001 \u007f"\n',
    );
  });

  it('encodes bytes as Base64 like awscli json_encoder and rejects other non-JSON values', () => {
    expect(formatJson({ Blob: new Uint8Array([104, 105]) })).toBe('{\n    "Blob": "aGk="\n}\n');
    expect(() => formatJson({ When: new Date(0) })).toThrow(TypeError);
    expect(() => formatJson([Number.NaN])).toThrow(TypeError);
  });
});
