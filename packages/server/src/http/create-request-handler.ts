/** @module Routes every HTTP request of the mailpat server to its handler. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeError } from '../aws-json/write-response.js';
import { UnknownRouteException } from '../errors/index.js';
import type { Store } from '../storage/store.js';
import type { AwsJsonDependencies } from './handle-aws-json.js';
import { handleAwsJson } from './handle-aws-json.js';
import { handleHealth } from './handle-health.js';

export interface RequestHandlerDependencies extends AwsJsonDependencies {
  store: Store;
}

/** The `node:http` request listener: `POST /` is the admin API, `GET /healthz` the health check. */
export function createRequestHandler(deps: RequestHandlerDependencies) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (req.method === 'POST' && path === '/') {
      void handleAwsJson(req, res, deps);
    } else if (req.method === 'GET' && path === '/healthz') {
      void handleHealth(res, deps.store);
    } else {
      req.resume();
      writeError(
        res,
        randomUUID(),
        new UnknownRouteException(`No route for ${req.method} ${path}`),
      );
    }
  };
}
