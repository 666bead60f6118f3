/**
 * Runs one of our formatters and reports the result the way the Python oracle does.
 * @module
 */
import { expect } from 'vitest';
import { UnformattableValueError } from '../unformattable-value-error.js';
import type { FormatOutcome } from './aws-cli-formatters.js';

/** Asserts that ours prints what aws printed, or throws UnformattableValueError where aws raised. */
export function expectSameOutcome(format: () => string, expected: FormatOutcome | undefined): void {
  if (expected === undefined) throw new Error('the Python oracle returned too few results');
  if ('error' in expected) {
    expect(format, `aws raised ${expected.error}`).toThrow(UnformattableValueError);
  } else {
    expect(format()).toBe(expected.output);
  }
}
