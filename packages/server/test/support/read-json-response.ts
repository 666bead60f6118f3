/**
 * Collects an HTTP response whose body is JSON, for the tests' hand-made requests.
 * @module
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** A finished response: status, headers and the parsed JSON body. */
export interface JsonResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** Reads `res` to its end and parses its body as JSON. */
export function readJsonResponse(res: IncomingMessage): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    let text = '';
    res.on('data', (chunk: Buffer) => (text += chunk.toString()));
    res.on('error', reject);
    res.on('end', () => {
      try {
        const body = JSON.parse(text) as Record<string, unknown>;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
