/**
 * Integer option values, read as Python's `int()` reads them (argparse `type=int`).
 * @module
 */
import { CliUsageError } from './cli-errors.js';

/** Python's `int()` grammar: optional sign, digits with single underscores, surrounding blanks. */
const PYTHON_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/** Parses the value of `optionName`, failing like argparse: `invalid int value: 'abc'`. */
export function parseCliInteger(optionName: string, value: string): number {
  if (!PYTHON_INT.test(value)) {
    throw new CliUsageError(`argument ${optionName}: invalid int value: '${value}'`);
  }
  return Number(value.trim().replaceAll('_', ''));
}
