/**
 * Deletes token events older than the retention period, at start and then every
 * EVENT_PRUNE_INTERVAL_MS, in batches of EVENT_PRUNE_BATCH_SIZE (one short transaction each).
 * @module
 */
import { PeriodicJob, deleteInBatches } from '../background/periodic-job.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import { EVENT_PRUNE_BATCH_SIZE, EVENT_PRUNE_INTERVAL_MS } from './constants.js';

const DAY_MS = 86_400_000;

/** Runs the cleanup in the background; close() waits for a pass under way. */
export class EventPruner {
  readonly #cleanup: PeriodicJob;

  constructor(
    private readonly store: Pick<Store, 'deleteTokenEventsBefore'>,
    private readonly options: {
      retentionDays: number;
      log: Logger;
      now?: () => number;
      batchSize?: number;
      intervalMs?: number;
    },
  ) {
    this.#cleanup = new PeriodicJob(() => this.pruneOnce(), {
      intervalMs: options.intervalMs ?? EVENT_PRUNE_INTERVAL_MS,
      log: options.log,
      failure: 'could not delete old token events; will retry',
      success: (deleted) => `deleted ${deleted} token events past retention`,
    });
  }

  /** Prunes now, then periodically; a failed pass is logged and tried again next time. */
  start(): void {
    this.#cleanup.start();
  }

  /** Deletes every expired event, batch by batch; resolves with how many went. */
  pruneOnce(): Promise<number> {
    const now = (this.options.now ?? Date.now)();
    const before = now - this.options.retentionDays * DAY_MS;
    return deleteInBatches(
      (limit) => this.store.deleteTokenEventsBefore(before, limit),
      this.options.batchSize ?? EVENT_PRUNE_BATCH_SIZE,
      () => this.#cleanup.closed,
    );
  }

  /** Stops the timer; a pass under way stops after its current batch. */
  close(): Promise<void> {
    return this.#cleanup.close();
  }
}
