/**
 * Test helpers: requests signed the way `@aws-sdk/client-workmail` signs them.
 * @module
 */
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { IncomingSignedRequest } from '../signed-request.js';

export const TEST_KEY = {
  accessKeyId: 'AKIAMAILPATTEST2345',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

export interface SignOptions {
  signingDate: Date;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  region?: string;
  service?: string;
  path?: string;
  /** Query parameters, sent percent-encoded after the path. */
  query?: Record<string, string>;
  body?: string;
  headers?: Record<string, string>;
  /** Headers the client leaves out of the signature. */
  unsignableHeaders?: Set<string>;
  /** Send and sign `x-amz-content-sha256`, as the AWS SDK v3 does (the default). */
  applyChecksum?: boolean;
}

/**
 * A ListOrganizations call, POST / to `localhost:4566`, signed by smithy's SignatureV4 as
 * `@aws-sdk/client-workmail` signs it (which also signs `x-amz-content-sha256`).
 */
export async function signRequest(options: SignOptions): Promise<IncomingSignedRequest> {
  const body = options.body ?? '{}';
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: options.accessKeyId ?? TEST_KEY.accessKeyId,
      secretAccessKey: options.secretAccessKey ?? TEST_KEY.secretAccessKey,
      sessionToken: options.sessionToken,
    },
    region: options.region ?? 'us-east-1',
    service: options.service ?? 'workmail',
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: options.applyChecksum ?? true,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: 'POST',
      hostname: 'localhost',
      port: 4566,
      path: options.path ?? '/',
      query: options.query,
      headers: {
        host: 'localhost:4566',
        'content-type': 'application/x-amz-json-1.1',
        'content-length': String(Buffer.byteLength(body)),
        'x-amz-target': 'WorkMailService.ListOrganizations',
        'user-agent': 'aws-sdk-js/3 test',
        ...options.headers,
      },
      body,
    }),
    { signingDate: options.signingDate, unsignableHeaders: options.unsignableHeaders },
  );
  return {
    method: signed.method,
    path: (options.path ?? '/') + toSearch(options.query),
    rawHeaders: Object.entries(signed.headers).flat(),
    body: Buffer.from(body),
  };
}

function toSearch(query: Record<string, string> | undefined): string {
  if (query === undefined) return '';
  const pairs = Object.entries(query).map(
    ([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
  );
  return `?${pairs.join('&')}`;
}

/** Returns a copy with `name` (matched case-insensitively) replaced, removed or added. */
export function withHeader(
  request: IncomingSignedRequest,
  name: string,
  value: string | undefined,
): IncomingSignedRequest {
  const rawHeaders: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i]?.toLowerCase() === name.toLowerCase()) continue;
    rawHeaders.push(request.rawHeaders[i] as string, request.rawHeaders[i + 1] as string);
  }
  if (value !== undefined) rawHeaders.push(name, value);
  return { ...request, rawHeaders };
}

/** The value of a header of the request, matched case-insensitively. */
export function headerOf(request: IncomingSignedRequest, name: string): string {
  const i = request.rawHeaders.findIndex(
    (item, index) => index % 2 === 0 && item.toLowerCase() === name,
  );
  if (i < 0) throw new Error(`no ${name} header`);
  return request.rawHeaders[i + 1] as string;
}
