/**
 * Deletes expired web sessions at start and then every SESSION_CLEANUP_INTERVAL_MS, in batches
 * (one short statement each). Expired sessions are refused anyway; this only keeps the table small.
 * @module
 */
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { Logger } from '../../logging/logger.js';
import type { Store } from '../../storage/store.js';
import { SESSION_CLEANUP_BATCH_SIZE, SESSION_CLEANUP_INTERVAL_MS } from '../constants.js';
import type { SessionLifetimes } from './session-service.js';

/** Runs the cleanup in the background; close() waits for a pass under way. */
export class WebSessionCleaner {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #closed = false;

  constructor(
    private readonly store: Pick<Store, 'deleteExpiredWebSessions'>,
    private readonly options: SessionLifetimes & {
      log: Logger;
      now?: () => number;
      batchSize?: number;
      intervalMs?: number;
      /** Also run each pass: abandoned single sign-on attempts (SingleSignOn.pruneLoginStates). */
      pruneLoginStates?: () => Promise<number>;
    },
  ) {}

  /** Cleans now, then periodically; a failed pass is logged and tried again next time. */
  start(): void {
    void this.#pass();
    this.#timer = setInterval(
      () => void this.#pass(),
      this.options.intervalMs ?? SESSION_CLEANUP_INTERVAL_MS,
    );
    this.#timer.unref();
  }

  /** Deletes every expired session, batch by batch; resolves with how many went. */
  async cleanOnce(): Promise<number> {
    const now = (this.options.now ?? Date.now)();
    const batchSize = this.options.batchSize ?? SESSION_CLEANUP_BATCH_SIZE;
    let total = 0;
    while (!this.#closed) {
      const deleted = await this.store.deleteExpiredWebSessions(
        now - this.options.idleMs,
        now - this.options.maxMs,
        batchSize,
      );
      total += deleted;
      if (deleted < batchSize) break;
      await yieldToRequests();
    }
    if (!this.#closed) await this.options.pruneLoginStates?.();
    return total;
  }

  /** Stops the timer; a pass under way stops after its current batch. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  async #pass(): Promise<void> {
    if (this.#running !== undefined) return;
    this.#running = this.cleanOnce();
    try {
      await this.#running;
    } catch (error) {
      this.options.log.error('could not delete expired web sessions; will retry', error);
    } finally {
      this.#running = undefined;
    }
  }
}
