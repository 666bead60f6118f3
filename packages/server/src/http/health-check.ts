/**
 * `GET /healthz`: 200 while the database answers, 503 otherwise, with the reason in the log.
 * @module
 */
import type { ServerResponse } from 'node:http';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';

/**
 * The health check. It logs only when the answer changes, so a load balancer polling every
 * second writes one line when the disk fills up and one when it has room again.
 */
export class HealthCheck {
  #failing = false;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
  ) {}

  /** Answers the health check; never throws. */
  async handle(res: ServerResponse): Promise<void> {
    const healthy = await this.#probe();
    const body = JSON.stringify({ status: healthy ? 'ok' : 'unavailable' });
    res.writeHead(healthy ? 200 : 503, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
  }

  async #probe(): Promise<boolean> {
    try {
      await this.store.ping();
    } catch (error) {
      if (!this.#failing) this.log.warn(`health check failing: ${reasonOf(error)}`);
      this.#failing = true;
      return false;
    }
    if (this.#failing) this.log.info('health check passing again');
    this.#failing = false;
    return true;
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
