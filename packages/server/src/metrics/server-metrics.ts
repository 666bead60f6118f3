/**
 * The metrics of one mailpat server: its own registry (never prom-client's global one, so two
 * servers in one process keep theirs apart), every metric registered on it, and what the request
 * paths call to record.
 * @module
 */
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type {
  InactiveReason,
  IntrospectionObserver,
  IntrospectionOutcome,
} from '../introspection/introspection-outcome.js';
import type { Store } from '../storage/store.js';
import { ApiMetrics } from './api-metrics.js';
import { TOKEN_COUNT_MAX_AGE_MS } from './constants.js';
import { registerDatabaseMetrics } from './database-metrics.js';
import { IntrospectionMetrics } from './introspection-metrics.js';
import { TokenCountCache } from './token-count-cache.js';
import { WebMetrics } from './web-metrics.js';

/** What a ServerMetrics reads besides the requests it is told about. */
export interface ServerMetricsOptions {
  store: Pick<Store, 'readStats' | 'countTokensByState'>;
  /** mailpat's version, for `mailpat_build_info`. */
  version: string;
  /** How old reported token counts may be (TOKEN_COUNT_MAX_AGE_MS by default). */
  tokenCountMaxAgeMs?: number;
  now?: () => number;
}

/** Every metric of one server; record calls cost a map lookup and an increment, no allocation. */
export class ServerMetrics implements IntrospectionObserver {
  readonly #registry = new Registry();
  readonly #api: ApiMetrics;
  readonly #introspection: IntrospectionMetrics;
  readonly #web: WebMetrics;

  constructor(options: ServerMetricsOptions) {
    const registry = this.#registry;
    // Standard process_* and nodejs_* names, which ready-made dashboards expect.
    collectDefaultMetrics({ register: registry });
    new Gauge({
      name: 'mailpat_build_info',
      help: 'Always 1; the labels say which mailpat runs on which Node.js.',
      labelNames: ['version', 'node_version'],
      registers: [registry],
    }).set({ version: options.version, node_version: process.versions.node }, 1);
    this.#api = new ApiMetrics(registry);
    this.#introspection = new IntrospectionMetrics(registry);
    this.#web = new WebMetrics(registry);
    const tokenCounts = new TokenCountCache(options.store, {
      maxAgeMs: options.tokenCountMaxAgeMs ?? TOKEN_COUNT_MAX_AGE_MS,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    registerDatabaseMetrics(registry, options.store, tokenCounts);
  }

  /** The Content-Type of `render()`'s text (Prometheus text format 0.0.4). */
  get contentType(): string {
    return this.#registry.contentType;
  }

  /** Every metric in the Prometheus text format, read now. */
  render(): Promise<string> {
    return this.#registry.metrics();
  }

  /**
   * One admin API request answered. `target`: the X-Amz-Target header as received (any value;
   * only served operations become labels); `errorCode`: the wire error's, undefined on success.
   */
  observeApiRequest(target: unknown, errorCode: string | undefined, seconds: number): void {
    this.#api.observe(target, errorCode, seconds);
  }

  observeIntrospection(outcome: IntrospectionOutcome, seconds: number): void {
    this.#introspection.observeIntrospection(outcome, seconds);
  }

  countInactiveIntrospection(reason: InactiveReason): void {
    this.#introspection.countInactiveIntrospection(reason);
  }

  /** One web app request answered; `method` as received (any value; only known ones become labels). */
  observeWebRequest(method: string | undefined, statusCode: number, seconds: number): void {
    this.#web.observe(method, statusCode, seconds);
  }
}
