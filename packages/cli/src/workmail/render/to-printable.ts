/**
 * Turns a client response into the plain JSON value the aws CLI formats: timestamps as
 * strings (or epoch seconds with `cli_timestamp_format = wire`), response metadata dropped.
 * @module
 */
import { formatIsoTimestamp } from './format-timestamp.js';

/** `iso8601` prints ISO strings; `wire` and `none` print epoch seconds as the service sent them. */
export type TimestampFormat = 'iso8601' | 'wire' | 'none';

/** A deep copy of `value` without `$metadata`, with every `Date` printed as `format` says. */
export function toPrintable(value: unknown, format: TimestampFormat): unknown {
  if (value instanceof Date) {
    return format === 'iso8601' ? formatIsoTimestamp(value) : value.getTime() / 1000;
  }
  if (Array.isArray(value)) return value.map((item) => toPrintable(item, format));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (key !== '$metadata') copy[key] = toPrintable(member, format);
    }
    return copy;
  }
  return value;
}
