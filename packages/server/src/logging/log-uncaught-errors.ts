/**
 * The last line of a crashing server: an uncaught exception or unhandled rejection as one JSON
 * error line, secrets masked, instead of Node's own print of the raw error (whose message may
 * quote a database URL with its password).
 * @module
 */
import type { Logger } from './logger.js';

/**
 * Logs an error that would crash the process, then exits 1 as Node would (error lines are
 * written synchronously, and pino flushes stdout at exit); returns the function that stops it.
 */
export function logUncaughtErrors(
  log: Logger,
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  const handler = (error: unknown, origin: string) => {
    log.error(`crashing on an uncaught error (${origin})`, error);
    exit(1);
  };
  process.on('uncaughtException', handler);
  return () => process.off('uncaughtException', handler);
}
