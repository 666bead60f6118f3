/**
 * Deletes expired web sessions (and abandoned single sign-on attempts) at start and then every
 * SESSION_CLEANUP_INTERVAL_MS, in batches (one short statement each). Expired sessions are refused
 * anyway; this only keeps the table small.
 * @module
 */
import { PeriodicJob, deleteInBatches } from '../../background/periodic-job.js';
import type { Logger } from '../../logging/logger.js';
import type { Store } from '../../storage/store.js';
import { SESSION_CLEANUP_BATCH_SIZE, SESSION_CLEANUP_INTERVAL_MS } from '../constants.js';
import type { SessionLifetimes } from './session-service.js';

/** Runs the cleanup in the background; close() waits for a pass under way. */
export class WebSessionCleaner {
  readonly #cleanup: PeriodicJob;

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
  ) {
    this.#cleanup = new PeriodicJob(() => this.cleanOnce(), {
      intervalMs: options.intervalMs ?? SESSION_CLEANUP_INTERVAL_MS,
      log: options.log,
      failure: 'could not delete expired web sessions; will retry',
    });
  }

  /** Cleans now, then periodically; a failed pass is logged and tried again next time. */
  start(): void {
    this.#cleanup.start();
  }

  /** Deletes every expired session, batch by batch; resolves with how many sessions went. */
  async cleanOnce(): Promise<number> {
    const now = (this.options.now ?? Date.now)();
    const total = await deleteInBatches(
      (limit) =>
        this.store.deleteExpiredWebSessions(
          now - this.options.idleMs,
          now - this.options.maxMs,
          limit,
        ),
      this.options.batchSize ?? SESSION_CLEANUP_BATCH_SIZE,
      () => this.#cleanup.closed,
    );
    if (!this.#cleanup.closed) await this.options.pruneLoginStates?.();
    return total;
  }

  /** Stops the timer; a pass under way stops after its current batch. */
  close(): Promise<void> {
    return this.#cleanup.close();
  }
}
