/**
 * Writes AWS JSON 1.1 responses: results and errors, with the headers the SDKs read.
 * @module
 */
import type { ServerResponse } from 'node:http';
import type { AwsError } from '../errors/index.js';
import { AWS_JSON_CONTENT_TYPE } from './constants.js';
import { PreserializedJson } from './preserialized-json.js';

/** The header that carries an error's code (besides the body's `__type`). */
const ERROR_TYPE_HEADER = 'x-amzn-ErrorType';

/** Sends a 200 with the operation's output serialised as JSON (undefined members omitted). */
export function writeResult(res: ServerResponse, requestId: string, output: unknown): void {
  const body = output instanceof PreserializedJson ? output.text : JSON.stringify(output ?? {});
  writeJson(res, 200, requestId, body);
}

/** Sends an error in the AWS JSON 1.1 format: body `{"__type","message"}` and `x-amzn-ErrorType`. */
export function writeError(res: ServerResponse, requestId: string, error: AwsError): void {
  const body = JSON.stringify({ __type: error.code, message: error.message });
  res.setHeader(ERROR_TYPE_HEADER, error.code);
  writeJson(res, error.statusCode, requestId, body);
}

function writeJson(res: ServerResponse, status: number, requestId: string, body: string): void {
  // Encoded once: Buffer.byteLength and then end(string) would each walk a 21 KB page.
  const bytes = Buffer.from(body);
  // Node adds an accurate Date header itself; the SDKs correct clock skew from it.
  res.writeHead(status, {
    'Content-Type': AWS_JSON_CONTENT_TYPE,
    'Content-Length': bytes.length,
    'x-amzn-RequestId': requestId,
  });
  res.end(bytes);
}
