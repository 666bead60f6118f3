/**
 * The shape every background job shares (the cleanups, the expiry warnings): work in batches (one
 * short statement each, with waiting requests going first in between), at start and then
 * periodically, with a failed pass logged and tried again next time, and a close() that waits for
 * a pass under way.
 * @module
 */
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { Logger } from '../logging/logger.js';

/** Deletes one batch of at most `limit` rows; resolves with how many went. */
export type DeleteBatch = (limit: number) => Promise<number>;

/**
 * Calls `deleteBatch` until a batch comes back short or `stopped()` says so; resolves with how
 * many rows went in all.
 */
export async function deleteInBatches(
  deleteBatch: DeleteBatch,
  batchSize: number,
  stopped: () => boolean = () => false,
): Promise<number> {
  let total = 0;
  while (!stopped()) {
    const deleted = await deleteBatch(batchSize);
    total += deleted;
    if (deleted < batchSize) break;
    // Between batches, requests waiting for the database go first.
    await yieldToRequests();
  }
  return total;
}

/** Runs `pass` now and every `intervalMs` in the background, one pass at a time. */
export class PeriodicJob {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #closed = false;

  constructor(
    /** One whole pass; resolves with how much it did (rows deleted, mails sent). */
    private readonly pass: () => Promise<number>,
    private readonly options: {
      intervalMs: number;
      log: Logger;
      /** Logged (error level) when a pass fails. */
      failure: string;
      /** Logged (info level) after a pass that did something (deleted rows, sent mail). */
      success?: (done: number) => string;
    },
  ) {}

  /** True once close() was called: a pass under way stops after its current batch. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Cleans now, then periodically. */
  start(): void {
    void this.#runPass();
    this.#timer = setInterval(() => void this.#runPass(), this.options.intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a pass under way. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  async #runPass(): Promise<void> {
    if (this.#running !== undefined) return;
    this.#running = this.pass();
    try {
      const done = await this.#running;
      if (done > 0 && this.options.success) this.options.log.info(this.options.success(done));
    } catch (error) {
      this.options.log.error(this.options.failure, error);
    } finally {
      this.#running = undefined;
    }
  }
}
