/**
 * The CanonicalHeaders and SignedHeaders of a request: `name:value` lines over exactly the
 * headers the client signed, values with their whitespace folded.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 * @module
 */

/**
 * Headers smithy's signer deletes before signing whatever it is told: `authorization`, and `date`
 * (it signs `x-amz-date` instead). A client that signed one of them cannot be matched, so
 * they are left out here too and the SignedHeaders comparison refuses the request.
 */
const DROPPED_HEADERS = new Set(['authorization', 'date']);

/** Values that need no folding: no CR, LF or tab, no double space, no space at either end. */
const FOLDABLE = /[\t\r\n]| {2}|^ | $/;

/** The canonical header lines, and the SignedHeaders list they cover, both sorted by name. */
export function canonicalHeaders(
  headers: Readonly<Record<string, string>>,
  amzDate: string,
): { lines: string; signedHeaders: string } {
  const names = Object.keys(headers).filter((name) => !DROPPED_HEADERS.has(name));
  if (!names.includes('x-amz-date')) names.push('x-amz-date');
  names.sort();
  let lines = '';
  for (const name of names) {
    // The signing date is what smithy writes into x-amz-date, whatever the header said.
    const value = name === 'x-amz-date' ? amzDate : (headers[name] as string);
    lines += `${name}:${foldValue(value)}\n`;
  }
  return { lines, signedHeaders: names.join(';') };
}

/**
 * smithy's folding, which is narrower than the spec's Trimall: CR and LF become spaces, runs
 * of spaces and tabs become one space, then one space is dropped at each end. Other
 * whitespace (vertical tab, no-break space...) is kept as it is.
 */
export function foldValue(value: string): string {
  if (!FOLDABLE.test(value)) return value;
  return value
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
}
