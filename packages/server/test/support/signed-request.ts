/**
 * Sends AWS JSON 1.1 requests signed with SigV4, raw, for cases the SDKs cannot send.
 * @module
 */
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { MailpatProcess } from './mailpat-process.js';
import { recordSecret, recordSecretMembers } from './secret-ledger.js';

export interface RawResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

/** What signing needs of a server: where it listens and its root keys (a `MailpatProcess` fits). */
export type SigningTarget = Pick<MailpatProcess, 'url' | 'accessKeyId' | 'secretAccessKey'>;

export interface SignOptions {
  /** Body bytes as sent; default JSON of `input`. */
  body?: string;
  signingDate?: Date;
  service?: string;
  secretAccessKey?: string;
  accessKeyId?: string;
  extraHeaders?: Record<string, string>;
}

/** Builds the signed headers of a `POST /` with the given target and body. */
export async function signRequest(
  server: SigningTarget,
  target: string,
  body: string,
  options: SignOptions = {},
): Promise<Record<string, string>> {
  const url = new URL(server.url);
  const signer = new SignatureV4({
    service: options.service ?? 'workmail',
    region: 'us-east-1',
    sha256: Hash.bind(null, 'sha256'),
    credentials: {
      accessKeyId: options.accessKeyId ?? server.accessKeyId,
      secretAccessKey: options.secretAccessKey ?? server.secretAccessKey,
    },
  });
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: {
      host: url.host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': target,
      ...options.extraHeaders,
    },
    body,
  });
  const signed = await signer.sign(request, { signingDate: options.signingDate });
  return signed.headers;
}

/** Signs and sends one request; resolves with status, headers and the parsed JSON body. */
export async function sendSigned(
  server: SigningTarget,
  target: string,
  input: unknown,
  options: SignOptions = {},
): Promise<RawResponse> {
  const body = options.body ?? JSON.stringify(input);
  // For the log audit: passwords and client secrets sent, tokens received, keys signed with.
  recordSecretMembers(input);
  recordSecret('secret access key', options.secretAccessKey);
  const headers = await signRequest(server, target, body, options);
  recordSecret('request signature', /Signature=([0-9a-f]{64})/.exec(headers.authorization!)?.[1]);
  const { host: _host, ...sendable } = headers;
  const response = await fetch(server.url, { method: 'POST', headers: sendable, body });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Left empty; tests that care assert on `text`.
  }
  recordSecretMembers(parsed);
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** Shorthand for a WorkMailService or MailpatService call that must succeed. */
export async function call(
  server: SigningTarget,
  target: string,
  input: unknown,
): Promise<Record<string, unknown>> {
  const response = await sendSigned(server, target, input);
  if (response.status !== 200) {
    throw new Error(`${target} failed: ${response.status} ${response.text}`);
  }
  return response.body;
}
