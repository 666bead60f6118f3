/**
 * Web app metrics: latency by method and status class, never by path (a path can carry a token
 * ID, and every distinct one would be a new series).
 * @module
 */
import { Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import { LATENCY_BUCKETS_SECONDS } from './constants.js';

/** The methods the web app serves; any other is labelled `other`. */
const WEB_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST']);

/** The web app's latency histogram. */
export class WebMetrics {
  readonly #duration: Histogram<'method' | 'status_class'>;

  constructor(registry: Registry) {
    this.#duration = new Histogram({
      name: 'mailpat_web_request_duration_seconds',
      help: 'Time from the start of a web app request (/account/) to its answer, by method and status class.',
      labelNames: ['method', 'status_class'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [registry],
    });
  }

  /** One web request answered with `statusCode`; `method` as received (anything). */
  observe(method: string | undefined, statusCode: number, seconds: number): void {
    const methodLabel = method !== undefined && WEB_METHODS.has(method) ? method : 'other';
    this.#duration.labels(methodLabel, statusClassOf(statusCode)).observe(seconds);
  }
}

/** `2xx`..`5xx`; anything outside 100..599 (never sent) is `other`. */
function statusClassOf(statusCode: number): string {
  return statusCode >= 100 && statusCode < 600 ? `${Math.floor(statusCode / 100)}xx` : 'other';
}
