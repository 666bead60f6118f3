/**
 * Running a storage operation again, without blocking the event loop, while another process
 * holds SQLite's write lock.
 * @module
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BUSY_RETRY_DEADLINE_MS,
  BUSY_RETRY_FIRST_DELAY_MS,
  BUSY_RETRY_MAX_DELAY_MS,
} from './constants.js';

/** True for SQLITE_BUSY and its extended codes: another connection holds the lock. */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_BUSY(_|$)/.test(code);
}

/**
 * Runs `operation`, again after a short asynchronous pause each time it fails with
 * SQLITE_BUSY, until `deadlineMs` has passed; then the last SQLITE_BUSY is thrown (a 503).
 * better-sqlite3 is synchronous, so SQLite's own busy timeout would stop the whole process
 * while it waits; it is (near) zero instead and the waiting happens here, between attempts,
 * with the connection free for reads (WAL readers do not need the write lock).
 *
 * Running again is safe because a busy operation did nothing: transactions take the write
 * lock at `begin immediate`, before any statement, and a single statement is atomic.
 */
export async function retryWhileBusy<T>(
  operation: () => Promise<T>,
  deadlineMs = BUSY_RETRY_DEADLINE_MS,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let delay = BUSY_RETRY_FIRST_DELAY_MS;
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      if (!isBusyError(error) || Date.now() + delay > deadline) throw error;
    }
    await sleep(delay);
    delay = Math.min(delay * 2, BUSY_RETRY_MAX_DELAY_MS);
  }
}
