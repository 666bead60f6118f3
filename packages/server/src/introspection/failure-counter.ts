/**
 * Counts failed logins per end-user address in fixed windows and says when one crosses
 * the threshold, once per window: the line an operator feeds to fail2ban.
 * @module
 */
import { BoundedMap } from './bounded-map.js';

interface Window {
  startedAt: number;
  count: number;
}

/** At most `maxKeys` addresses are counted; the least recently failing forgotten first. */
export class FailureCounter {
  readonly #windows: BoundedMap<string, Window>;

  constructor(private readonly options: { threshold: number; windowMs: number; maxKeys: number }) {
    this.#windows = new BoundedMap(options.maxKeys);
  }

  /** Addresses counted now; never above maxKeys. */
  get size(): number {
    return this.#windows.size;
  }

  /** Counts one failure of `key` at `now`; true when it reached the threshold just now. */
  count(key: string, now: number): boolean {
    let window = this.#windows.get(key);
    if (window === undefined || now - window.startedAt >= this.options.windowMs) {
      window = { startedAt: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return window.count === this.options.threshold;
  }
}
