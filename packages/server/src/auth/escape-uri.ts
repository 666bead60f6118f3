/**
 * SigV4's URI encoding: RFC 3986 unreserved characters kept, everything else `%XX` in upper case.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 * @module
 */

/** Text that encodes to itself (the `/` of a path is handled by the caller). */
const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;
/** What encodeURIComponent leaves alone but SigV4 encodes. */
const SUB_DELIMITERS = /[!'()*]/g;

/**
 * smithy's `escapeUri`, lone surrogates included: encodeURIComponent throws the same URIError.
 */
export function escapeUri(text: string): string {
  if (UNRESERVED.test(text)) return text;
  return encodeURIComponent(text).replace(SUB_DELIMITERS, hexEncode);
}

function hexEncode(character: string): string {
  return `%${character.charCodeAt(0).toString(16).toUpperCase()}`;
}
