/**
 * A minimal logger: one line per event. Callers never pass secrets to it.
 * @module
 */

export interface Logger {
  info(message: string): void;
  /** Something an operator may act on (e.g. feed to fail2ban); never carries a secret. */
  warn(message: string): void;
  error(message: string, cause?: unknown): void;
}

/** Info lines to stdout (the `listening on` line is read from there), errors to stderr. */
export function createConsoleLogger(
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Logger {
  return {
    info: (message) => void out.write(`${message}\n`),
    warn: (message) => void err.write(`warning: ${message}\n`),
    error: (message, cause) => {
      const detail = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause ?? '');
      err.write(`${message}${detail ? `: ${detail}` : ''}\n`);
    },
  };
}
