/**
 * Timeout options in seconds, as `--cli-read-timeout` takes them (0 means none).
 * @module
 */
import { CliUsageError } from './cli-errors.js';

/** The seconds `value` gives, or `fallback` when the option was not given. */
export function parseCliSeconds(optionName: string, value: string | undefined, fallback: number) {
  if (value === undefined) return fallback;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
    throw new CliUsageError(`argument ${optionName}: invalid int value: '${value}'`);
  }
  return seconds;
}
