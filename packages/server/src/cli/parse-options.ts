/**
 * Option value parsers that turn bad values into commander usage errors.
 * @module
 */
import { InvalidArgumentError } from 'commander';

/** A TCP port, 0..65535. */
export function parsePort(value: string): number {
  return parseInteger(value, 0, 65535);
}

/** A whole number within [min, max]. */
export function parseInteger(value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  }
  return n;
}
