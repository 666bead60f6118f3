/**
 * Reads a request body into one Buffer, refusing oversized ones early.
 * @module
 */
import type { IncomingMessage } from 'node:http';
import { RequestTooLargeException } from '../errors/index.js';

/** Throws RequestTooLargeException when the declared Content-Length is over `limit` bytes. */
export function checkDeclaredLength(req: IncomingMessage, limit: number): void {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
}

/**
 * Resolves the whole body; rejects with RequestTooLargeException past `limit` bytes, declared or
 * received. The rest of an over-long body is left unread: the caller answers and closes.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  try {
    checkDeclaredLength(req, limit);
  } catch (error) {
    return Promise.reject(error as Error);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tooLarge(limit: number): RequestTooLargeException {
  return new RequestTooLargeException(`Request body is larger than ${limit} bytes`);
}
