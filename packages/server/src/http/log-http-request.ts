/**
 * One log line per request outside the admin API (which logs its own, with more: see
 * log-api-request.ts), written when the response is done or the connection gone.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { INTROSPECTION_PATH } from '../introspection/constants.js';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import { LIVENESS_PATH, READINESS_PATHS } from './health-check.js';

/** Longest path logged: the rest of a scanner's 16 KiB URL is noise. */
const MAX_LOGGED_PATH = 200;

/**
 * Logs `http request` with method, path (never the query: a single sign-on callback carries its
 * authorization code there), status, durationMs, clientAddress. Mail logins and health probes
 * log at debug: Dovecot asks once per login, a benchmark thousands of times a second, probes
 * every few seconds; web pages and stray requests at info.
 */
export function logWhenAnswered(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  log: Logger,
): void {
  if (req.method === 'POST' && path === '/') return;
  const quiet = path === INTROSPECTION_PATH || path === LIVENESS_PATH || READINESS_PATHS.has(path);
  const write = quiet ? log.debug : log.info;
  if (write === undefined) return;
  const startedAt = performance.now();
  res.once('close', () =>
    write.call(log, 'http request', {
      method: req.method,
      path: scrubSecrets(path.slice(0, MAX_LOGGED_PATH)),
      status: res.headersSent ? res.statusCode : 0,
      durationMs: Math.round((performance.now() - startedAt) * 100) / 100,
      clientAddress: req.socket.remoteAddress,
    }),
  );
}
