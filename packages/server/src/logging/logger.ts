/**
 * The app's logging seam: callers log a message, with structured fields where they have them, and
 * never pass secrets (redaction is the second line of defence, not the first).
 * @module
 */

/** Structured fields of one log line (`requestId`, `operation`, `durationMs`, ...). */
export type LogFields = Readonly<Record<string, unknown>>;

/** What the server logs through; backed by pino (createLogger) or a test double. */
export interface Logger {
  /**
   * Detail an operator turns on with MAILPAT_LOG_LEVEL=debug (e.g. one line per mail login).
   * Optional so that test doubles written before it need not change: call it as `log.debug?.()`.
   */
  debug?(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  /** Something an operator may act on (e.g. feed to fail2ban); never carries a secret. */
  warn(message: string, fields?: LogFields): void;
  /** A failure; `cause` (an Error's message and stack) is logged as the `err` field. */
  error(message: string, cause?: unknown, fields?: LogFields): void;
}
