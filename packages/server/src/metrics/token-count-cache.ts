/**
 * The token counts a scrape reports, counted at most once per max age.
 * @module
 */
import type { Store, TokenStateCounts } from '../storage/store.js';

/** Options of a TokenCountCache; `now` is injectable for tests. */
export interface TokenCountCacheOptions {
  maxAgeMs: number;
  now?: () => number;
}

/**
 * Counts on the first read and again once the counts are older than `maxAgeMs`; concurrent reads
 * share one count. A failed count (the store counts the error) keeps the previous counts and is
 * not retried before `maxAgeMs` either, so a scraper cannot turn an outage into a query storm.
 */
export class TokenCountCache {
  readonly #store: Pick<Store, 'countTokensByState'>;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  #counts: TokenStateCounts | undefined;
  #attemptedAt = Number.NEGATIVE_INFINITY;
  #pending: Promise<void> | undefined;

  constructor(store: Pick<Store, 'countTokensByState'>, options: TokenCountCacheOptions) {
    this.#store = store;
    this.#maxAgeMs = options.maxAgeMs;
    this.#now = options.now ?? Date.now;
  }

  /** The latest counts; undefined until a count has succeeded. */
  async read(): Promise<TokenStateCounts | undefined> {
    if (this.#now() - this.#attemptedAt >= this.#maxAgeMs) {
      this.#pending ??= this.#count().finally(() => {
        this.#pending = undefined;
      });
    }
    if (this.#pending !== undefined) await this.#pending;
    return this.#counts;
  }

  async #count(): Promise<void> {
    const at = this.#now();
    this.#attemptedAt = at;
    try {
      this.#counts = await this.#store.countTokensByState(at);
    } catch {
      // Counted by the store as a database error; the scrape shows the last counts.
    }
  }
}
