/**
 * Sends RFC 7662 introspection requests to a mailpat process, from a chosen address.
 * @module
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { MailpatProcess } from './mailpat-process.js';
import { readJsonResponse } from './read-json-response.js';
import { recordSecret } from './secret-ledger.js';
import type { JsonResponse } from './read-json-response.js';

/** Status, headers and parsed JSON of one introspection answer. */
export type IntrospectionAnswer = JsonResponse;

/**
 * POSTs `form` (already encoded) to /oauth2/introspect, optionally with Basic credentials; over
 * HTTPS when the server serves it, trusting the server's `caFile`.
 */
export function introspect(
  server: MailpatProcess,
  form: string,
  options: {
    basic?: string;
    localAddress?: string;
    contentType?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<IntrospectionAnswer> {
  const url = new URL('/oauth2/introspect', server.url);
  // For the log audit: the token and the client secret, in the form or as Basic's password.
  const fields = new URLSearchParams(form);
  recordSecret('PAT secret (introspected)', fields.get('token') ?? undefined);
  recordSecret('introspection client secret', fields.get('client_secret') ?? undefined);
  recordSecret('introspection client secret', options.basic?.split(':').slice(1).join(':'));
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
    'content-length': String(Buffer.byteLength(form)),
    ...options.headers,
  };
  if (options.basic !== undefined) {
    headers.authorization = `Basic ${Buffer.from(options.basic).toString('base64')}`;
  }
  const localAddress = options.localAddress ?? '127.0.0.1';
  const ca = server.caFile === undefined ? undefined : readFileSync(server.caFile);
  const send: typeof httpsRequest = ca === undefined ? request : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      { method: 'POST', headers, localAddress, ...(ca === undefined ? {} : { ca }) },
      (res) => readJsonResponse(res).then(resolve, reject),
    );
    req.on('error', reject);
    req.end(form);
  });
}
