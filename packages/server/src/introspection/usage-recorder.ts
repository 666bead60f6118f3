/**
 * Coalesces successful uses (into DateLastUsed) and use events in memory and writes them
 * in one transaction per interval, so a login costs no database write. USED and USE_REFUSED
 * events are coalesced alike: one per type, token and client address per interval, with the time
 * of the last one (a mail client logging in every few seconds, or a phone retrying an expired
 * token, would otherwise write a row each time). A failed flush keeps its batch for the next
 * one; close() flushes what is left. Memory is bounded whatever the traffic: uses by the number
 * of tokens, coalesced events by MAX_COALESCED_EVENTS, the retry backlog by MAX_BUFFERED_EVENTS.
 * @module
 */
import { tokenEventOf } from '../domain/token-events.js';
import type { Logger } from '../logging/logger.js';
import type { LoginSubject, TokenEventRecord, TokenUse } from '../domain/records.js';
import type { Store } from '../storage/store.js';
import { MAX_BUFFERED_EVENTS, MAX_COALESCED_EVENTS } from './constants.js';

/** Records uses and refusals; flushes every `intervalMs`. */
export class UsageRecorder {
  #uses = new Map<string, TokenUse>();
  /** The latest event per `type|tokenId|clientAddress`, in first-occurrence order. */
  #coalesced = new Map<string, TokenEventRecord>();
  /** Events of failed flushes, written with the next one. */
  #events: TokenEventRecord[] = [];
  /** Events dropped since the last flush because #coalesced was full. */
  #dropped = 0;
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Pick<Store, 'recordTokenActivity'>,
    private readonly options: { intervalMs: number; log: Logger },
  ) {}

  /** Starts the periodic flush. */
  start(): void {
    this.#timer = setInterval(() => void this.flush(), this.options.intervalMs);
    this.#timer.unref();
  }

  /** A successful login with `subject`'s token, from the mail client at `clientAddress`. */
  recordUse(subject: LoginSubject, clientAddress: string | null, now: number): void {
    const { token } = subject;
    const previous = this.#uses.get(token.id);
    // At the same millisecond too: the use recorded last is the latest, and names the address.
    if (previous === undefined || previous.usedAt <= now) {
      this.#uses.set(token.id, {
        organizationId: token.organizationId,
        tokenId: token.id,
        usedAt: now,
        clientAddress,
      });
    }
    this.#coalesce(tokenEventOf(subject.token, 'USED', now, clientAddress));
  }

  /** A refused login with an existing token (expired, user disabled, policy inactive). */
  recordRefusal(subject: LoginSubject, clientAddress: string | null, now: number): void {
    this.#coalesce(tokenEventOf(subject.token, 'USE_REFUSED', now, clientAddress));
  }

  /** Events waiting for the next flush, coalesced or kept from a failed one. */
  get pendingEvents(): number {
    return this.#coalesced.size + this.#events.length;
  }

  #coalesce(event: TokenEventRecord): void {
    const key = `${event.type}|${event.tokenId}|${event.clientAddress ?? ''}`;
    const pending = this.#coalesced.get(key);
    if (pending !== undefined) pending.at = Math.max(pending.at, event.at);
    else if (this.#coalesced.size < MAX_COALESCED_EVENTS) this.#coalesced.set(key, event);
    else this.#dropped += 1;
  }

  /** Writes everything recorded so far; flushes never overlap. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(() => this.#flushOnce());
    return this.#flushing;
  }

  /** Stops the timer and flushes what is left. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }

  async #flushOnce(): Promise<void> {
    if (this.#dropped > 0) {
      this.options.log.warn(
        `dropped ${this.#dropped} token events: more than ${MAX_COALESCED_EVENTS} distinct ` +
          'tokens and client addresses in one flush interval',
      );
      this.#dropped = 0;
    }
    if (this.#uses.size === 0 && this.pendingEvents === 0) return;
    const uses = [...this.#uses.values()];
    const events = [...this.#events, ...this.#coalesced.values()];
    this.#uses = new Map();
    this.#coalesced = new Map();
    this.#events = [];
    try {
      await this.store.recordTokenActivity(uses, events);
    } catch (error) {
      this.options.log.error('could not write token uses; will retry', error);
      for (const use of uses) {
        const newer = this.#uses.get(use.tokenId);
        if (newer === undefined || newer.usedAt < use.usedAt) this.#uses.set(use.tokenId, use);
      }
      this.#events = [...events, ...this.#events].slice(-MAX_BUFFERED_EVENTS);
    }
  }
}
