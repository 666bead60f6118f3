/**
 * Property test: random JSON values through our formatters and the real awscli ones.
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson } from './format-json.js';
import { formatTable } from './format-table.js';
import { formatText } from './format-text.js';
import type { FormatCase, FormatOutcome } from './test-support/aws-cli-formatters.js';
import { runAwsCliFormatters } from './test-support/aws-cli-formatters.js';
import { UnformattableValueError } from './unformattable-value-error.js';

// A small key pool, so that dicts in one list share keys (columns, missing cells, a key that is a
// scalar in one item and a list in another) as responses do.
const key = fc.constantFrom('Id', 'Name', 'Tags', 'a', 'b', '', 'Ä', 'ß', '😀', '山', 'x y', "q'");
const text = fc.oneof(
  fc.constantFrom('', 'pat-1', 'IMAP', '山田', '🔑', 'é', '°±', 'a\tb', 'l1\nl2', '"q"', "it's"),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const number = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.5, 1e21, 1e-7, 2 ** 53, 1795773600.123),
);
const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    fc.array(fc.dictionary(key, tie('value'), { maxKeys: 5 }), { minLength: 1, maxLength: 4 }),
  ),
}));
const sample = fc.record({
  value,
  width: fc.oneof(fc.integer({ min: 0, max: 160 }), fc.constant(80)),
  color: fc.boolean(),
});

function ours(format: () => string): FormatOutcome {
  try {
    return { output: format() };
  } catch (error) {
    if (error instanceof UnformattableValueError) return { error: 'raised' };
    throw error;
  }
}

/** Python's message is not reproduced, only the fact that aws raised. */
function normalise(outcome: FormatOutcome | undefined): FormatOutcome | undefined {
  return outcome && 'error' in outcome ? { error: 'raised' } : outcome;
}

describe('formatters against awscli on random JSON values', () => {
  const seed = Number(process.env['FORMATTER_PROPERTY_SEED'] ?? Date.now());
  const numRuns = Number(process.env['FORMATTER_PROPERTY_RUNS'] ?? 400);
  const inputs = fc.sample(sample, { numRuns, seed });
  const cases = inputs.flatMap(({ value, width, color }): FormatCase[] => [
    { format: 'json', value },
    { format: 'text', value },
    { format: 'table', value, title: 'Command', color, width },
  ]);
  const expected = runAwsCliFormatters(cases);

  it(`print what aws prints, or fail where it fails (seed ${seed})`, () => {
    cases.forEach((testCase, i) => {
      const actual = ours(() => {
        if (testCase.format === 'json') return formatJson(testCase.value);
        if (testCase.format === 'text') return formatText(testCase.value);
        const { title, color, width } = testCase;
        return formatTable(title, testCase.value, { color, width });
      });
      const context = `${testCase.format} of ${JSON.stringify(testCase)} (seed ${seed})`;
      expect(actual, context).toEqual(normalise(expected[i]));
    });
  });
});
