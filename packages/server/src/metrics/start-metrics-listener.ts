/**
 * The metrics listener: `GET /metrics` on its own port, apart from the API, so that exposing the
 * API never exposes the metrics by accident (and the other way round).
 * @module
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { METRICS_MAX_CONNECTIONS, METRICS_PATH, METRICS_REQUEST_TIMEOUT_MS } from './constants.js';
import type { ServerMetrics } from './server-metrics.js';

/** Where to listen. */
export interface MetricsListenerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
}

/** A listening metrics endpoint. */
export interface MetricsListener {
  /** `http://HOST:PORT/metrics`, with the port actually bound. */
  url: string;
  /** Stops accepting and closes every connection (a scrape in flight is cut: it is retried). */
  close(): Promise<void>;
}

/** Listens for scrapes of `metrics`; rejects when the port cannot be bound. */
export async function startMetricsListener(
  metrics: Pick<ServerMetrics, 'render' | 'contentType'>,
  options: MetricsListenerOptions,
): Promise<MetricsListener> {
  const server = createServer(
    { requestTimeout: METRICS_REQUEST_TIMEOUT_MS, headersTimeout: METRICS_REQUEST_TIMEOUT_MS },
    (req, res) => void answerScrape(metrics, req, res),
  );
  server.maxConnections = METRICS_MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}${METRICS_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** 200 with the metrics for GET and HEAD of /metrics (query ignored); 404 for anything else. */
async function answerScrape(
  metrics: Pick<ServerMetrics, 'render' | 'contentType'>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // Nothing a scraper sends has a body; one that does is not read, so close after answering.
  if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding']) {
    res.shouldKeepAlive = false;
  }
  const path = (req.url ?? '').split('?', 1)[0];
  if (path !== METRICS_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) {
    return send(res, 404, 'text/plain; charset=utf-8', 'Not Found\n');
  }
  try {
    send(res, 200, metrics.contentType, await metrics.render());
  } catch {
    // A collect callback failed; no detail leaves the process.
    send(res, 500, 'text/plain; charset=utf-8', 'Internal Server Error\n');
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  if (res.headersSent || res.destroyed) return;
  const bytes = Buffer.from(body);
  // HEAD: node sends the headers (Content-Length included) and drops the body itself.
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': bytes.length });
  res.end(bytes);
}
