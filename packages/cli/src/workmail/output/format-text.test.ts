/**
 * formatText against `aws --output text` (awscli text.format_text), byte for byte.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { formatText } from './format-text.js';
import { runAwsCliFormatters } from './test-support/aws-cli-formatters.js';
import { expectSameOutcome } from './test-support/outcome.js';
import { REPRESENTATIVE_VALUES } from './test-support/representative-values.js';
import { UnformattableValueError } from './unformattable-value-error.js';

describe('formatText', () => {
  const expected = runAwsCliFormatters(
    REPRESENTATIVE_VALUES.map(({ value }) => ({ format: 'text', value })),
  );

  it.each(REPRESENTATIVE_VALUES.map(({ name, value }, i) => ({ name, value, i })))(
    'prints $name byte for byte as aws --output text',
    ({ value, i }) => expectSameOutcome(() => formatText(value), expected[i]),
  );

  it('prints a list of dicts as one upper-cased, tab-separated line per item', () => {
    const page = {
      Users: [
        { Name: 'ana', Id: 'u-1' },
        { Id: 'u-2', Email: 'bob@example.com' },
      ],
      NextToken: 'abc',
    };
    expect(formatText(page)).toBe('abc\nUSERS\t\tu-1\tana\nUSERS\tbob@example.com\tu-2\t\n');
  });

  it('prints scalars under a key one per line and a bare list on one line', () => {
    expect(formatText({ Scopes: ['IMAP', 'SMTP'] })).toBe('SCOPES\tIMAP\nSCOPES\tSMTP\n');
    expect(formatText(['IMAP', 'SMTP'])).toBe('IMAP\tSMTP\n');
  });

  it('prints Python spellings of scalars', () => {
    expect(formatText([true, false, null, 1.0, 2.5, 1e-7])).toBe(
      'True\tFalse\tNone\t1\t2.5\t1e-07\n',
    );
    expect(formatText({})).toBe('');
  });

  it('fails where awscli fails: a list mixing dicts and other values', () => {
    expect(() => formatText([{ a: 1 }, 'x'])).toThrow(UnformattableValueError);
  });
});
