/**
 * @module Coalesces successful uses (into DateLastUsed) and use events in memory and writes them
 * in one transaction per interval, so a login costs no database write. USED events are coalesced
 * too: one per token and client address per interval, with the time of the last use (a mail
 * client logging in every few seconds would otherwise write a row each time). Refusals are kept
 * one by one. A failed flush keeps its batch for the next one; close() flushes what is left.
 */
import type { Logger } from '../logging/logger.js';
import type { LoginSubject, TokenEventRecord, TokenUse } from '../storage/records.js';
import type { Store } from '../storage/store.js';

/** Events kept at most while the database is away; the oldest are dropped past this. */
const MAX_BUFFERED_EVENTS = 100_000;

/** Records uses and refusals; flushes every `intervalMs`. */
export class UsageRecorder {
  #uses = new Map<string, TokenUse>();
  /** The latest USED event per `tokenId|clientAddress`, in first-use order. */
  #usedEvents = new Map<string, TokenEventRecord>();
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
    const key = `${token.id}|${clientAddress ?? ''}`;
    const used = this.#usedEvents.get(key);
    if (used === undefined) this.#usedEvents.set(key, eventOf(subject, 'USED', clientAddress, now));
    else used.at = Math.max(used.at, now);
  }

  /** A refused login with an existing token (expired, user disabled, policy inactive). */
  recordRefusal(subject: LoginSubject, clientAddress: string | null, now: number): void {
    this.#events.push(eventOf(subject, 'USE_REFUSED', clientAddress, now));
    if (this.#events.length > MAX_BUFFERED_EVENTS) this.#events.shift();
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
    if (this.#uses.size === 0 && this.#events.length === 0 && this.#usedEvents.size === 0) return;
    const uses = [...this.#uses.values()];
    const events = [...this.#events, ...this.#usedEvents.values()];
    this.#uses = new Map();
    this.#usedEvents = new Map();
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

function eventOf(
  subject: LoginSubject,
  type: 'USED' | 'USE_REFUSED',
  clientAddress: string | null,
  at: number,
): TokenEventRecord {
  const { token } = subject;
  return {
    organizationId: token.organizationId,
    tokenId: token.id,
    userId: token.userId,
    type,
    at,
    clientAddress,
  };
}
