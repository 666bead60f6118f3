/**
 * Timestamps as aws CLI v2 prints them: Python's `datetime.isoformat()` of the instant in
 * the local time zone (botocore parses epoch seconds with `tzlocal()`), e.g.
 * `2026-11-27T23:07:12.345000+00:00`; microseconds only when not zero.
 * @module
 */

/** Formats `date` like `datetime.fromtimestamp(t, tzlocal()).isoformat()`. */
export function formatIsoTimestamp(date: Date): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const milliseconds = local.getUTCMilliseconds();
  const fraction = milliseconds === 0 ? '' : `.${pad(milliseconds * 1000, 6)}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${fraction}${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`
  );
}
