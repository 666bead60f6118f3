/**
 * Counts the fuzz run's outcomes by status and `__type`, and writes the summary line.
 * @module
 */
import type { FuzzResponse } from './send-plan.js';

/** Outcome counts of a run; `summary()` is the line the README quotes. */
export class OutcomeTally {
  readonly #counts = new Map<string, number>();
  #total = 0;
  #serial = 0;
  readonly #started = performance.now();
  readonly #progressEvery: number;

  /** `progressEvery`: print a progress line every so many requests (long runs). */
  constructor(progressEvery = Infinity) {
    this.#progressEvery = progressEvery;
  }

  /** Counts one answer; `serial` marks a mutation sent alone and checked one by one. */
  add(response: FuzzResponse, serial: boolean): void {
    this.#total += 1;
    if (serial) this.#serial += 1;
    const key = `${response.status}${response.errorType ? ` ${response.errorType}` : ''}`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    if (this.#total % this.#progressEvery === 0) {
      const seconds = (performance.now() - this.#started) / 1000;
      console.log(`fuzz progress: ${this.#total} requests in ${seconds.toFixed(0)} s`);
    }
  }

  get total(): number {
    return this.#total;
  }

  /** How many answers had `status`. */
  count(predicate: (key: string) => boolean): number {
    let n = 0;
    for (const [key, count] of this.#counts) if (predicate(key)) n += count;
    return n;
  }

  /** `fuzz: N requests in S s (R/s); ... outcomes: 200 x, 400 SerializationException y, ...`. */
  summary(label: string): string {
    const seconds = (performance.now() - this.#started) / 1000;
    const outcomes = [...this.#counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key} ${count}`)
      .join(', ');
    return (
      `fuzz ${label}: ${this.#total} requests (${this.#serial} mutations checked one by one) in ` +
      `${seconds.toFixed(1)} s, ${Math.round(this.#total / seconds)} requests/s; outcomes: ${outcomes}`
    );
  }
}
