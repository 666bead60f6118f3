/**
 * Remembers the secret hashes of recently refused tokens, so a token presented again and
 * again (a phone retrying an expired token, a guesser) is answered from memory, not the database.
 *
 * Only refusals are remembered, never a good answer. Deleting or rotating a token only turns
 * good hashes bad, and no hash remembered as unknown can become good by a token being created:
 * a new secret carries more than 190 random bits, so it cannot be one presented before. What
 * can turn a refused token good again (an admin re-enabling its user or policy) is why known
 * tokens are remembered only for seconds.
 * @module
 */
import type { LoginSubject } from '../domain/records.js';
import { BoundedMap } from './bounded-map.js';

interface Refusal {
  expiresAt: number;
  /** The token's owner, for a refused known token: its USE_REFUSED event is still recorded. */
  subject: LoginSubject | undefined;
}

/** What a remembered refusal says: the token is unknown, or known (with its subject). */
export type RememberedRefusal = { subject: LoginSubject | undefined } | undefined;

/** At most `maxEntries` refusals, the least recently refused forgotten first. */
export class RefusalCache {
  readonly #entries: BoundedMap<string, Refusal>;

  constructor(options: { maxEntries: number }) {
    this.#entries = new BoundedMap(options.maxEntries);
  }

  /** Entries kept now; never above maxEntries. */
  get size(): number {
    return this.#entries.size;
  }

  /** The refusal remembered for `secretHash` at `now`, if it has not expired. */
  get(secretHash: string, now: number): RememberedRefusal {
    const entry = this.#entries.get(secretHash);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now) {
      this.#entries.delete(secretHash);
      return undefined;
    }
    return { subject: entry.subject };
  }

  /** Remembers a refusal of `secretHash` until `now + ttlMs`. */
  remember(secretHash: string, subject: LoginSubject | undefined, now: number, ttlMs: number) {
    this.#entries.set(secretHash, { expiresAt: now + ttlMs, subject });
  }
}
