/**
 * Introspection metrics: answers by outcome, inactive answers by reason, latency.
 * @module
 */
import { Counter, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import {
  INACTIVE_REASONS,
  INTROSPECTION_OUTCOMES,
} from '../introspection/introspection-outcome.js';
import type {
  InactiveReason,
  IntrospectionObserver,
  IntrospectionOutcome,
} from '../introspection/introspection-outcome.js';
import { LATENCY_BUCKETS_SECONDS } from './constants.js';

/** The endpoint's metrics, every child made up front (the label sets are fixed and small). */
export class IntrospectionMetrics implements IntrospectionObserver {
  readonly #answers: Map<IntrospectionOutcome, Counter.Internal>;
  readonly #inactive: Map<InactiveReason, Counter.Internal>;
  readonly #duration: Histogram.Internal<string>;

  constructor(registry: Registry) {
    const answers = new Counter({
      name: 'mailpat_introspection_requests_total',
      help: 'Introspection requests answered, by outcome.',
      labelNames: ['outcome'],
      registers: [registry],
    });
    const inactive = new Counter({
      name: 'mailpat_introspection_inactive_total',
      help: 'Introspection answers active:false, by the reason the token was refused.',
      labelNames: ['reason'],
      registers: [registry],
    });
    const duration = new Histogram({
      name: 'mailpat_introspection_duration_seconds',
      help: 'Time from the start of an introspection request to its answer.',
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [registry],
    });
    // Made up front, so every outcome shows as 0 before it first happens (rate() needs that).
    this.#answers = new Map(INTROSPECTION_OUTCOMES.map((o) => [o, zeroed(answers.labels(o))]));
    this.#inactive = new Map(INACTIVE_REASONS.map((r) => [r, zeroed(inactive.labels(r))]));
    this.#duration = duration.labels();
  }

  observeIntrospection(outcome: IntrospectionOutcome, seconds: number): void {
    this.#answers.get(outcome)?.inc();
    this.#duration.observe(seconds);
  }

  countInactiveIntrospection(reason: InactiveReason): void {
    this.#inactive.get(reason)?.inc();
  }
}

/** The child, exported as 0 from now on (prom-client shows a labelled child once it moved). */
function zeroed(child: Counter.Internal): Counter.Internal {
  child.inc(0);
  return child;
}
