/**
 * `POST /oauth2/introspect` (RFC 7662): authenticates the caller, throttles failed client
 * authentication per source address, and answers the token (introspect-token.ts) with the user's
 * email as `username`, which is what Dovecot needs. A presented token never causes a 429: every
 * login comes through Dovecot's one address, and a throttle on bad tokens there would lock every
 * mailbox out of mail. Failed logins are counted per end-user address instead, for the log.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logging/logger.js';
import { secondsSince } from '../metrics/seconds-since.js';
import { readBody } from '../http/read-body.js';
import { DatabaseUnavailableError } from '../storage/storage-errors.js';
import type { Store } from '../storage/store.js';
import { authenticateClient } from './client-credentials.js';
import type { IntrospectionClient } from './client-credentials.js';
import {
  CLIENT_AUTH_FAILURES_PER_ADDRESS,
  END_USER_FAILURES,
  INTROSPECTION_BODY_LIMIT,
  MAX_TRACKED_BUCKETS,
  MAX_TRACKED_END_USERS,
} from './constants.js';
import { END_USER_ADDRESS_HEADER, parseEndUserAddress } from './end-user-address.js';
import { FailureCounter } from './failure-counter.js';
import { createTokenIntrospector } from './introspect-token.js';
import type { IntrospectionObserver, IntrospectionOutcome } from './introspection-outcome.js';
import { TokenBucketLimiter } from './token-bucket.js';
import type { UsageRecorder } from './usage-recorder.js';

/** What the handler needs; `now` is injectable for tests. */
export interface IntrospectionDependencies {
  store: Pick<Store, 'findLoginSubject'>;
  client: IntrospectionClient | undefined;
  recorder: Pick<UsageRecorder, 'recordUse' | 'recordRefusal'>;
  log: Logger;
  /** Where outcomes and latencies go; undefined when metrics are off. */
  metrics?: IntrospectionObserver | undefined;
  now?: () => number;
}

/** The request listener of the introspection endpoint. */
export function createIntrospectionHandler(deps: IntrospectionDependencies) {
  const now = deps.now ?? Date.now;
  const authFailures = new TokenBucketLimiter({
    ...CLIENT_AUTH_FAILURES_PER_ADDRESS,
    maxKeys: MAX_TRACKED_BUCKETS,
  });
  const loginFailures = new FailureCounter({
    ...END_USER_FAILURES,
    maxKeys: MAX_TRACKED_END_USERS,
  });
  const introspect = createTokenIntrospector(deps);

  /** Answers one request; resolves to what the answer was, for metrics. */
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<IntrospectionOutcome> {
    const source = req.socket.remoteAddress ?? 'unknown';
    try {
      // Before any credential check: answering right credentials differently from wrong ones
      // while exhausted would let a guesser go on testing secrets.
      if (authFailures.isExhausted(source, now())) {
        tooMany(res, authFailures.secondsUntilAvailable(source, now()));
        return 'throttled';
      }
      const form = await readForm(req);
      if (form === undefined) return invalidRequest(res);
      if (authenticateClient(req.headers.authorization, form, deps.client) === undefined) {
        if (authFailures.take(source, now())) {
          deps.log.warn(`introspection: too many failed client authentications from ${source}`);
        }
        res.setHeader('WWW-Authenticate', 'Basic realm="mailpat introspection"');
        send(res, 401, { error: 'invalid_client' });
        return 'invalid_client';
      }
      const tokens = form.getAll('token');
      if (tokens.length !== 1 || tokens[0] === '') return invalidRequest(res);
      // Trusted only now that the caller proved to be the introspection client.
      const endUser = parseEndUserAddress(req.headers[END_USER_ADDRESS_HEADER]);
      const result = await introspect(tokens[0]!, endUser ?? source, now());
      if (!result.active) countFailedLogin(loginFailures, endUser, source, now(), deps.log);
      send(res, 200, result);
      return result.active ? 'active' : 'inactive';
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) {
        send(res, 503, { error: 'temporarily_unavailable' });
        return 'unavailable';
      }
      deps.log.error('introspection failed', error);
      send(res, 500, { error: 'server_error' });
      return 'error';
    }
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const outcome = await answer(req, res);
    deps.metrics?.observeIntrospection(outcome, secondsSince(started));
  };
}

/**
 * Counts a failed login against the mail client's address and warns once per window when it
 * crosses the threshold. Without Dovecot's header the only address is Dovecot's own: that line
 * is worded apart, so a fail2ban filter on the first one can never ban Dovecot.
 */
function countFailedLogin(
  counter: FailureCounter,
  endUser: string | undefined,
  source: string,
  at: number,
  log: Logger,
): void {
  if (!counter.count(endUser ?? `via ${source}`, at)) return;
  const { threshold, windowMs } = END_USER_FAILURES;
  const seconds = windowMs / 1000;
  log.warn(
    endUser === undefined
      ? `introspection: ${threshold} failed mail logins within ${seconds} s through ` +
          `introspection client ${source} (no ${END_USER_ADDRESS_HEADER} header: set ` +
          'send_auth_headers = yes in Dovecot to name the mail client)'
      : `introspection: ${threshold} failed mail logins from ${endUser} within ${seconds} s`,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  // A body left unread is not read here: see cutOffLargeBodies.
  if (type !== 'application/x-www-form-urlencoded') {
    return undefined;
  }
  try {
    return new URLSearchParams((await readBody(req, INTROSPECTION_BODY_LIMIT)).toString('utf8'));
  } catch {
    return undefined;
  }
}

function invalidRequest(res: ServerResponse): IntrospectionOutcome {
  send(res, 400, { error: 'invalid_request' });
  return 'invalid_request';
}

function tooMany(res: ServerResponse, retryAfterSeconds: number): void {
  res.setHeader('Retry-After', String(Math.max(1, retryAfterSeconds)));
  send(res, 429, { error: 'too_many_requests' });
}

/** RFC 7662 answers must not be cached (§4); the JSON is small, so it is written at once. */
function send(res: ServerResponse, status: number, body: object): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  });
  res.end(json);
}
