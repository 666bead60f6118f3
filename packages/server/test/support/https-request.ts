/** @module Sends signed AWS JSON 1.1 requests over HTTPS, trusting the server's test CA. */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { MailpatProcess } from './mailpat-process.js';
import { signRequest } from './signed-request.js';

/** Signs and sends one request to a TLS server; resolves with the status and parsed body. */
export async function sendSignedOverHttps(
  server: MailpatProcess,
  target: string,
  input: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = JSON.stringify(input);
  const headers = await signRequest(server, target, body);
  return new Promise((resolve, reject) => {
    const req = request(
      server.url,
      { method: 'POST', headers, ca: readFileSync(server.caFile!) },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
