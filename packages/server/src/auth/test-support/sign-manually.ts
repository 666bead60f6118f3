/**
 * Test helper: a minimal SigV4 signer written from the spec with node:crypto, independent
 * of smithy and botocore. POST / only, no query.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 * @module
 */
import { createHash, createHmac } from 'node:crypto';
import type { IncomingSignedRequest } from '../signed-request.js';

const hmac = (key: string | Buffer, data: string) =>
  createHmac('sha256', key).update(data).digest();
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

/** Signs exactly `headers` (lower-case names; x-amz-date among them) for `workmail`. */
export function signManually(options: {
  accessKeyId: string;
  secretAccessKey: string;
  headers: Record<string, string>;
  body: string;
}): IncomingSignedRequest {
  const amzDate = options.headers['x-amz-date'] as string;
  const scope = `${amzDate.slice(0, 8)}/us-east-1/workmail/aws4_request`;
  const names = Object.keys(options.headers).sort();
  const canonicalRequest = [
    'POST',
    '/',
    '',
    ...names.map((name) => `${name}:${options.headers[name]}`),
    '',
    names.join(';'),
    sha256(options.body),
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  let key: Buffer | string = `AWS4${options.secretAccessKey}`;
  for (const part of scope.split('/')) key = hmac(key, part);
  const signature = hmac(key, stringToSign).toString('hex');
  const authorization =
    `AWS4-HMAC-SHA256 Credential=${options.accessKeyId}/${scope}, ` +
    `SignedHeaders=${names.join(';')}, Signature=${signature}`;
  return {
    method: 'POST',
    path: '/',
    rawHeaders: [...Object.entries(options.headers).flat(), 'Authorization', authorization],
    body: Buffer.from(options.body),
  };
}
