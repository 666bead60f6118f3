/**
 * Times one web app request from now until its response is finished.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { secondsSince } from './seconds-since.js';
import type { ServerMetrics } from './server-metrics.js';

/**
 * Observes the request once its response is handed to the OS, whichever route, page or error
 * page answered it. A response cut off before it finished (client gone) is not observed.
 */
export function timeWebRequest(
  req: IncomingMessage,
  res: ServerResponse,
  metrics: Pick<ServerMetrics, 'observeWebRequest'>,
): void {
  const started = performance.now();
  res.once('finish', () => {
    metrics.observeWebRequest(req.method, res.statusCode, secondsSince(started));
  });
}
