/**
 * Routes every HTTP request of the mailpat server to its handler.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeError } from '../aws-json/write-response.js';
import { UnknownRouteException } from '../errors/index.js';
import { INTROSPECTION_PATH } from '../introspection/constants.js';
import type { ServerMetrics } from '../metrics/server-metrics.js';
import { timeWebRequest } from '../metrics/time-web-request.js';
import type { Store } from '../storage/store.js';
import { ACCOUNT_PATH } from '../web/constants.js';
import { handleWebRequest } from '../web/handle-web-request.js';
import type { WebDependencies } from '../web/web-dependencies.js';
import type { AwsJsonDependencies } from './handle-aws-json.js';
import { closeAfterResponse, cutOffLargeBodies, hasBody } from './close-after-response.js';
import { handleAwsJson } from './handle-aws-json.js';
import { logWhenAnswered } from './log-http-request.js';
import { HealthCheck, LIVENESS_PATH, READINESS_PATHS, answerAlive } from './health-check.js';

export interface RequestHandlerDependencies extends AwsJsonDependencies {
  store: Store;
  /** The RFC 7662 endpoint's listener (see createIntrospectionHandler). */
  introspect: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** The web app for mailbox users, under /account/. */
  web: WebDependencies;
  /** Where API and web requests are counted; undefined when metrics are off. */
  metrics?: Pick<ServerMetrics, 'observeApiRequest' | 'observeWebRequest'> | undefined;
}

/**
 * The `node:http` request listener: `POST /` is the admin API, `POST /oauth2/introspect` mail
 * login, `GET /health/ready` (alias `/healthz`) and `GET /health/live` the health checks, everything under `/account/` the web app (a browser's
 * `GET /` is sent there).
 */
export function createRequestHandler(deps: RequestHandlerDependencies) {
  const health = new HealthCheck(deps.store, deps.log);
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    logWhenAnswered(req, res, path, deps.log);
    // A large body a handler leaves unread is not drained: the connection closes instead.
    cutOffLargeBodies(req, res);
    if (req.method === 'POST' && path === '/') {
      void handleAwsJson(req, res, deps);
    } else if (req.method === 'POST' && path === INTROSPECTION_PATH) {
      void deps.introspect(req, res);
    } else if (req.method === 'GET' && READINESS_PATHS.has(path)) {
      if (hasBody(req)) closeAfterResponse(req, res);
      void health.handle(res);
    } else if (req.method === 'GET' && path === LIVENESS_PATH) {
      if (hasBody(req)) closeAfterResponse(req, res);
      answerAlive(res);
    } else if (path.startsWith(ACCOUNT_PATH)) {
      if (deps.metrics !== undefined) timeWebRequest(req, res, deps.metrics);
      void handleWebRequest(req, res, deps.web);
    } else if (req.method === 'GET' && (path === '/account' || (path === '/' && isBrowser(req)))) {
      if (hasBody(req)) closeAfterResponse(req, res);
      res.writeHead(303, { Location: ACCOUNT_PATH, 'Content-Length': 0 }).end();
    } else {
      if (hasBody(req)) closeAfterResponse(req, res);
      writeError(
        res,
        randomUUID(),
        new UnknownRouteException(`No route for ${req.method} ${path}`),
      );
    }
  };
}

/** A browser asks for HTML; API clients and health probes do not. */
function isBrowser(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}
