/**
 * Deletes token events older than the retention period, at start and then every
 * EVENT_PRUNE_INTERVAL_MS, in batches of EVENT_PRUNE_BATCH_SIZE (one short transaction each).
 * @module
 */
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import { EVENT_PRUNE_BATCH_SIZE, EVENT_PRUNE_INTERVAL_MS } from './constants.js';

const DAY_MS = 86_400_000;

/** Runs the cleanup in the background; close() waits for a pass under way. */
export class EventPruner {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #closed = false;

  constructor(
    private readonly store: Pick<Store, 'deleteTokenEventsBefore'>,
    private readonly options: {
      retentionDays: number;
      log: Logger;
      now?: () => number;
      batchSize?: number;
      intervalMs?: number;
    },
  ) {}

  /** Prunes now, then periodically; a failed pass is logged and tried again next time. */
  start(): void {
    void this.#pass();
    this.#timer = setInterval(
      () => void this.#pass(),
      this.options.intervalMs ?? EVENT_PRUNE_INTERVAL_MS,
    );
    this.#timer.unref();
  }

  /** Deletes every expired event, batch by batch; resolves with how many went. */
  async pruneOnce(): Promise<number> {
    const now = (this.options.now ?? Date.now)();
    const before = now - this.options.retentionDays * DAY_MS;
    const batchSize = this.options.batchSize ?? EVENT_PRUNE_BATCH_SIZE;
    let total = 0;
    while (!this.#closed) {
      const deleted = await this.store.deleteTokenEventsBefore(before, batchSize);
      total += deleted;
      if (deleted < batchSize) break;
      // Between batches, requests waiting for the database go first.
      await yieldToRequests();
    }
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
    this.#running = this.pruneOnce();
    try {
      const deleted = await this.#running;
      if (deleted > 0) this.options.log.info(`deleted ${deleted} token events past retention`);
    } catch (error) {
      this.options.log.error('could not delete old token events; will retry', error);
    } finally {
      this.#running = undefined;
    }
  }
}
