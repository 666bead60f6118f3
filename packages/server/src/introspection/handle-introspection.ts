/**
 * @module `POST /oauth2/introspect` (RFC 7662): authenticates the caller, throttles failures per
 * client address and per introspection client, checks the token's checksum before any database
 * read, and answers `active` with the user's email as `username`, which is what Dovecot needs.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logging/logger.js';
import { readBody } from '../http/read-body.js';
import { DatabaseUnavailableError } from '../storage/storage-errors.js';
import type { Store } from '../storage/store.js';
import { hashTokenSecret, hasValidChecksum } from '../tokens/token-secret.js';
import { authenticateClient } from './client-credentials.js';
import type { IntrospectionClient } from './client-credentials.js';
import {
  FAILURES_PER_ADDRESS,
  FAILURES_PER_CLIENT,
  INTROSPECTION_BODY_LIMIT,
  MAX_TRACKED_BUCKETS,
} from './constants.js';
import { decideIntrospection } from './decide-introspection.js';
import type { ActiveIntrospection } from './decide-introspection.js';
import { TokenBucketLimiter } from './token-bucket.js';
import type { UsageRecorder } from './usage-recorder.js';

/** What the handler needs; `now` is injectable for tests. */
export interface IntrospectionDependencies {
  store: Pick<Store, 'findLoginSubject'>;
  client: IntrospectionClient | undefined;
  recorder: Pick<UsageRecorder, 'recordUse' | 'recordRefusal'>;
  log: Logger;
  now?: () => number;
}

/** The request listener of the introspection endpoint. */
export function createIntrospectionHandler(deps: IntrospectionDependencies) {
  const now = deps.now ?? Date.now;
  const byAddress = new TokenBucketLimiter({
    ...FAILURES_PER_ADDRESS,
    maxKeys: MAX_TRACKED_BUCKETS,
  });
  const byClient = new TokenBucketLimiter({ ...FAILURES_PER_CLIENT, maxKeys: MAX_TRACKED_BUCKETS });

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const address = req.socket.remoteAddress ?? 'unknown';
    try {
      if (byAddress.isExhausted(address, now())) {
        return tooMany(res, byAddress.secondsUntilAvailable(address, now()));
      }
      const form = await readForm(req);
      if (form === undefined) return send(res, 400, { error: 'invalid_request' });
      const clientId = authenticateClient(req.headers.authorization, form, deps.client);
      if (clientId === undefined) {
        byAddress.take(address, now());
        res.setHeader('WWW-Authenticate', 'Basic realm="mailpat introspection"');
        return send(res, 401, { error: 'invalid_client' });
      }
      if (byClient.isExhausted(clientId, now())) {
        return tooMany(res, byClient.secondsUntilAvailable(clientId, now()));
      }
      const tokens = form.getAll('token');
      if (tokens.length !== 1 || tokens[0] === '') {
        return send(res, 400, { error: 'invalid_request' });
      }
      const answer = await introspect(tokens[0]!, address, deps, now());
      if (!answer.active) {
        byAddress.take(address, now());
        byClient.take(clientId, now());
      }
      return send(res, 200, answer);
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) {
        return send(res, 503, { error: 'temporarily_unavailable' });
      }
      deps.log.error('introspection failed', error);
      return send(res, 500, { error: 'server_error' });
    }
  };
}

/** Looks the secret up (a bad checksum costs no read) and records the outcome. */
async function introspect(
  secret: string,
  address: string,
  deps: IntrospectionDependencies,
  at: number,
): Promise<ActiveIntrospection | { active: false }> {
  if (!hasValidChecksum(secret)) return { active: false };
  const hash = hashTokenSecret(secret);
  const subject = await deps.store.findLoginSubject(hash);
  // The index found it by equality; compare again in constant time before trusting it.
  if (subject === undefined || !sameHash(subject.token.secretHash, hash)) return { active: false };
  const active = decideIntrospection(subject, at);
  if (active === undefined) {
    deps.recorder.recordRefusal(subject, address, at);
    return { active: false };
  }
  deps.recorder.recordUse(subject, address, at);
  return active;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    req.resume();
    return undefined;
  }
  try {
    return new URLSearchParams((await readBody(req, INTROSPECTION_BODY_LIMIT)).toString('utf8'));
  } catch {
    return undefined;
  }
}

function sameHash(stored: string, computed: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(computed, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
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
