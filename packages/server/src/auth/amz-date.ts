/**
 * Reads and writes the ISO 8601 basic timestamps of SigV4 (`20261127T204600Z`).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-string-to-sign
 * @module
 */

const AMZ_DATE = /^\d{8}T\d{6}Z$/;

/** Epoch milliseconds of a basic ISO 8601 UTC timestamp, or undefined if it is not a real one. */
export function parseAmzDate(text: string): number | undefined {
  if (!AMZ_DATE.test(text)) return undefined;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  const hour = Number(text.slice(9, 11));
  const minute = Number(text.slice(11, 13));
  const second = Number(text.slice(13, 15));
  const valid =
    year >= 1970 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59;
  return valid ? Date.UTC(year, month - 1, day, hour, minute, second) : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Formats epoch milliseconds as `YYYYMMDDTHHMMSSZ` (UTC, milliseconds dropped). */
export function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}
