/**
 * @module Coalesces successful uses (into DateLastUsed) and use events in memory and writes them
 * in one transaction per interval, so a login costs no database write. A failed flush keeps its
 * batch for the next one; close() flushes what is left (SIGTERM loses nothing).
 */
import type { Logger } from '../logging/logger.js';
import type { LoginSubject, TokenEventRecord, TokenUse } from '../storage/records.js';
import type { Store } from '../storage/store.js';

/** Events kept at most while the database is away; the oldest are dropped past this. */
const MAX_BUFFERED_EVENTS = 100_000;

/** Records uses and refusals; flushes every `intervalMs`. */
export class UsageRecorder {
  #uses = new Map<string, TokenUse>();
  #events: TokenEventRecord[] = [];
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

  /** A successful login with `subject`'s token. */
  recordUse(subject: LoginSubject, clientAddress: string | null, now: number): void {
    const { token } = subject;
    const previous = this.#uses.get(token.id);
    if (previous === undefined || previous.usedAt < now) {
      this.#uses.set(token.id, {
        organizationId: token.organizationId,
        tokenId: token.id,
        usedAt: now,
      });
    }
    this.#pushEvent(subject, 'USED', clientAddress, now);
  }

  /** A refused login with an existing token (expired, user disabled, policy inactive). */
  recordRefusal(subject: LoginSubject, clientAddress: string | null, now: number): void {
    this.#pushEvent(subject, 'USE_REFUSED', clientAddress, now);
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
    if (this.#uses.size === 0 && this.#events.length === 0) return;
    const uses = [...this.#uses.values()];
    const events = this.#events;
    this.#uses = new Map();
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

  #pushEvent(
    subject: LoginSubject,
    type: 'USED' | 'USE_REFUSED',
    clientAddress: string | null,
    at: number,
  ): void {
    const { token } = subject;
    this.#events.push({
      organizationId: token.organizationId,
      tokenId: token.id,
      userId: token.userId,
      type,
      at,
      clientAddress,
    });
    if (this.#events.length > MAX_BUFFERED_EVENTS) this.#events.shift();
  }
}
