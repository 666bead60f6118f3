/**
 * Admin API metrics: requests by operation and error code, latency by operation. Label values
 * come from fixed sets only (the served operations, the wire error codes), never from a request.
 * @module
 */
import { Counter, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import { AwsError } from '../errors/index.js';
import * as wireErrors from '../errors/index.js';
import { OPERATION_HANDLERS } from '../operations/registry.js';
import { LATENCY_BUCKETS_SECONDS } from './constants.js';

/** The operation label of a request whose X-Amz-Target names no served operation. */
export const UNKNOWN_OPERATION = 'unknown';
/** The error_code label of a request answered with a result. */
export const NO_ERROR = '';
/** The error_code label of an error code outside the wire set (none exists today). */
export const OTHER_ERROR = 'other';

/** The `__type` of every wire error class: the only error_code values besides NO_ERROR. */
const WIRE_ERROR_CODES: ReadonlySet<string> = new Set(
  Object.values(wireErrors)
    .filter((value) => typeof value === 'function' && value.prototype instanceof AwsError)
    .map((ErrorClass) => new (ErrorClass as new (message: string) => AwsError)('').code),
);

/** The series an operation's requests go to; the success child is looked up once, here. */
interface OperationSeries {
  name: string;
  succeeded: Counter.Internal;
  duration: Histogram.Internal<'operation'>;
}

/** The API's two metrics, with a child per served operation made up front. */
export class ApiMetrics {
  readonly #requests: Counter<'operation' | 'error_code'>;
  readonly #byTarget = new Map<string, OperationSeries>();
  readonly #unknown: OperationSeries;

  constructor(registry: Registry) {
    this.#requests = new Counter({
      name: 'mailpat_api_requests_total',
      help: 'Admin API requests answered, by operation and error code ("" for success).',
      labelNames: ['operation', 'error_code'],
      registers: [registry],
    });
    const duration = new Histogram({
      name: 'mailpat_api_request_duration_seconds',
      help: 'Time from the start of an admin API request to its answer, by operation.',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [registry],
    });
    const seriesOf = (name: string): OperationSeries => ({
      name,
      succeeded: this.#requests.labels(name, NO_ERROR),
      duration: duration.labels(name),
    });
    for (const operation of Object.values(OPERATION_HANDLERS)) {
      this.#byTarget.set(`${operation.service}.${operation.name}`, seriesOf(operation.name));
    }
    this.#unknown = seriesOf(UNKNOWN_OPERATION);
  }

  /**
   * One request answered: `target` is the X-Amz-Target header as received (anything), `errorCode`
   * the wire error's code or undefined for a result.
   */
  observe(target: unknown, errorCode: string | undefined, seconds: number): void {
    const series = (typeof target === 'string' && this.#byTarget.get(target)) || this.#unknown;
    series.duration.observe(seconds);
    if (errorCode === undefined) {
      series.succeeded.inc();
    } else {
      const code = WIRE_ERROR_CODES.has(errorCode) ? errorCode : OTHER_ERROR;
      this.#requests.labels(series.name, code).inc();
    }
  }
}
