/**
 * `GET /healthz`: 200 while the database answers, 503 otherwise.
 * @module
 */
import type { ServerResponse } from 'node:http';
import type { Store } from '../storage/store.js';

/** Answers the health check; never throws. */
export async function handleHealth(res: ServerResponse, store: Store): Promise<void> {
  let healthy = true;
  try {
    await store.ping();
  } catch {
    healthy = false;
  }
  const body = JSON.stringify({ status: healthy ? 'ok' : 'unavailable' });
  res.writeHead(healthy ? 200 : 503, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
