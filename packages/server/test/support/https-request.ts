/**
 * Sends signed AWS JSON 1.1 requests over HTTPS, trusting the server's test CA.
 * @module
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { MailpatProcess } from './mailpat-process.js';
import { readJsonResponse } from './read-json-response.js';
import type { JsonResponse } from './read-json-response.js';
import { signRequest } from './signed-request.js';

/** Signs and sends one request to a TLS server; resolves with the status and parsed body. */
export async function sendSignedOverHttps(
  server: MailpatProcess,
  target: string,
  input: unknown,
): Promise<JsonResponse> {
  const body = JSON.stringify(input);
  const headers = await signRequest(server, target, body);
  return new Promise((resolve, reject) => {
    const req = request(
      server.url,
      { method: 'POST', headers, ca: readFileSync(server.caFile!) },
      (res) => readJsonResponse(res).then(resolve, reject),
    );
    req.on('error', reject);
    req.end(body);
  });
}
