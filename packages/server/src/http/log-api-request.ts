/**
 * The access log of the admin API: one line per `POST /`, written when the request is answered.
 * @module
 */
import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../logging/logger.js';

/** What the pipeline learnt about a request on its way; each fact is set once it is known. */
export interface ApiRequestFacts {
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  /**
   * The X-Amz-Target, only once it named an operation mailpat serves: an unknown one is the
   * caller's free text and stays out of the log.
   */
  operation?: string;
  /** The signer's access key ID (not a secret), once a known, enabled key was named. */
  accessKeyId?: string;
  /** The wire error's `__type` when the request failed. */
  errorCode?: string;
}

/** Logs `api request` at info with requestId, operation, status, errorCode, durationMs, accessKeyId. */
export function logApiRequest(
  log: Logger,
  requestId: string,
  res: ServerResponse,
  facts: ApiRequestFacts,
): void {
  log.info('api request', {
    requestId,
    operation: facts.operation,
    // A client that went away before the answer gets none: 0 says so, as nginx's 499 would.
    status: res.headersSent ? res.statusCode : 0,
    errorCode: facts.errorCode,
    durationMs: Math.round((performance.now() - facts.startedAt) * 100) / 100,
    accessKeyId: facts.accessKeyId,
  });
}
