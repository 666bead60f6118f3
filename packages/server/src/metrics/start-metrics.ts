/**
 * Metrics for `mailpat serve`: the server's metrics and their listener, or nothing at all.
 * @module
 */
import type { Logger } from '../logging/logger.js';
import { MAILPAT_VERSION } from '../package-version.js';
import type { Store } from '../storage/store.js';
import type { ServerMetrics } from './server-metrics.js';
import { startMetricsListener } from './start-metrics-listener.js';
import type { MetricsListener, MetricsListenerOptions } from './start-metrics-listener.js';

/** Running metrics: what the request paths record into, and the listener to close on shutdown. */
export interface StartedMetrics {
  observer: ServerMetrics;
  listener: MetricsListener;
}

/**
 * Without `options` (no --metrics-port), nothing: no registry, no listener, no per-request work.
 * Otherwise listens and logs `metrics on http://HOST:PORT/metrics`.
 */
export async function startMetrics(
  options: MetricsListenerOptions | undefined,
  store: Pick<Store, 'readStats' | 'countTokensByState'>,
  log: Logger,
): Promise<StartedMetrics | undefined> {
  if (options === undefined) return undefined;
  // Loaded here: a server without --metrics-port never loads prom-client.
  const { ServerMetrics } = await import('./server-metrics.js');
  const observer = new ServerMetrics({ store, version: MAILPAT_VERSION });
  const listener = await startMetricsListener(observer, options);
  log.info(`metrics on ${listener.url}`);
  return { observer, listener };
}
