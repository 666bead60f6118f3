/**
 * Wire constants of the AWS JSON 1.1 protocol as mailpat speaks it.
 * @module
 */

export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';
/** Requests larger than this are refused before any parsing. PAT requests are tiny. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;
