/**
 * The health checks: `GET /health/ready` (alias `/healthz`) is 200 while the database answers,
 * 503 otherwise, with the reason in the log; `GET /health/live` is 200 while the process serves.
 * @module
 */
import type { ServerResponse } from 'node:http';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';

/** Readiness: the database answers (migrations ran before the server listened). */
export const READINESS_PATHS: ReadonlySet<string> = new Set(['/health/ready', '/healthz']);

/**
 * Liveness: the event loop answers. It never reads the database, so an orchestrator does not
 * restart a process that is only waiting for its database to come back.
 */
export const LIVENESS_PATH = '/health/live';

/** Answers the liveness check. */
export function answerAlive(res: ServerResponse): void {
  writeStatus(res, 200, 'ok');
}

/**
 * The readiness check. It logs only when the answer changes, so a load balancer polling every
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
    writeStatus(res, healthy ? 200 : 503, healthy ? 'ok' : 'unavailable');
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

function writeStatus(res: ServerResponse, statusCode: number, status: string): void {
  const body = JSON.stringify({ status });
  res.writeHead(statusCode, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    // A probe's answer is about this moment: no proxy may serve an old one.
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
