/**
 * formatTable against `aws --output table` (awscli TableFormatter), byte for byte.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatTable } from './format-table.js';
import { runAwsCliFormatters } from './test-support/aws-cli-formatters.js';
import type { FormatCase } from './test-support/aws-cli-formatters.js';
import { expectSameOutcome } from './test-support/outcome.js';
import { REPRESENTATIVE_VALUES } from './test-support/representative-values.js';
import { UnformattableValueError } from './unformattable-value-error.js';

const TITLE = 'ListPersonalAccessTokens';

/** The width the table takes when nothing constrains it, so the boundary widths can be tried. */
function naturalWidth(value: unknown): number {
  try {
    return formatTable(TITLE, value, { color: false, width: 10_000 }).indexOf('\n');
  } catch {
    return 80;
  }
}

const cases = REPRESENTATIVE_VALUES.flatMap(({ name, value }) => {
  // 80 is what a pipe gets; the natural width and one less are where the vertical layout kicks in.
  const widths = [...new Set([80, 40, 0, 200, naturalWidth(value), naturalWidth(value) - 1])];
  return widths.flatMap((width) =>
    [false, true].map((color) => ({
      name: `${name} at width ${width}${color ? ' in color' : ''}`,
      oracle: { format: 'table', value, title: TITLE, color, width } satisfies FormatCase,
    })),
  );
});

// The real stdout of a python3 process (a pipe here), to check that the StringIO the oracle
// swaps in receives the same bytes, colorama's wrapper included.
const TO_STDOUT = String.raw`
import argparse, json, sys
import awscli.table
from awscli.formatter import get_formatter
awscli.table.determine_terminal_width = lambda default_width=80: 80
value = json.load(sys.stdin)
get_formatter('table', argparse.Namespace(query=None, color='on'))('GetUser', value)
`;

describe('formatTable', () => {
  const expected = runAwsCliFormatters(cases.map(({ oracle }) => oracle));

  it.each(cases.map((testCase, i) => ({ ...testCase, i })))(
    'prints $name byte for byte as aws --output table',
    ({ oracle: { value, color, width }, i }) =>
      expectSameOutcome(() => formatTable(TITLE, value, { color, width }), expected[i]),
  );

  it('matches the bytes aws writes to a real stdout pipe in color', () => {
    const value = { User: { Id: 'u-1', Name: '山田' }, Aliases: ['a', 'b'], Enabled: true };
    const stdout = execFileSync('python3', ['-c', TO_STDOUT], { input: JSON.stringify(value) });
    expect(formatTable('GetUser', value, { color: true, width: 80 })).toBe(stdout.toString('utf8'));
  });

  it('draws a bordered, titled table with the scalar keys as column headers', () => {
    const value = { Users: [{ Id: 'u-1', Name: 'ana' }], NextToken: 'abc' };
    expect(formatTable('ListUsers', value, { color: false, width: 80 })).toBe(
      [
        '----------------------',
        '|      ListUsers     |',
        '+------------+-------+',
        '|  NextToken |  abc  |',
        '+------------+-------+',
        '||       Users      ||',
        '|+-------+----------+|',
        '||  Id   |  Name    ||',
        '|+-------+----------+|',
        '||  u-1  |  ana     ||',
        '|+-------+----------+|',
        '',
      ].join('\n'),
    );
  });

  it('turns single-row sections vertical when the table is wider than the terminal', () => {
    const value = { Id: 'u-1', Name: 'n'.repeat(30), Email: 'e'.repeat(30) };
    const table = formatTable('GetUser', value, { color: false, width: 60 });
    expect(table.split('\n')[0]).toHaveLength(45);
    expect(table).toContain('|  Id   |  u-1      ');
  });

  it('colors cells and indentation bars, and resets after every write as colorama does', () => {
    const table = formatTable('T', { A: { B: 'x', C: 'y' } }, { color: true, width: 80 });
    expect(table).toContain('\x1b[1m\x1b[34mx\x1b[0m');
    expect(table).toContain('\x1b[2m\x1b[33m|\x1b[0m\x1b[0m');
    expect(table.startsWith('-'.repeat(14) + '\n\x1b[0m\x1b[0m|      T     |')).toBe(true);
  });

  it('prints nothing for falsy values, and only the title box for a bare string', () => {
    for (const value of [{}, [], '', 0, false, null]) {
      expect(formatTable(TITLE, value, { color: false, width: 80 })).toBe('');
    }
    expect(formatTable('Q', 'pat-1', { color: false, width: 80 })).toBe('---\n|Q|\n+-+\n');
  });

  it('fails where awscli fails: rows of different lengths', () => {
    const options = { color: false, width: 80 };
    expect(() => formatTable(TITLE, [['a'], ['b', 'c']], options)).toThrow(UnformattableValueError);
  });
});
