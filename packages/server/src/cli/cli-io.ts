/**
 * What a command may touch of the outside world, so tests can supply their own.
 * @module
 */
import type { CommandIo } from '@mailpat/cli';

/** The streams and environment of @mailpat/cli's commands, and the signals `serve` listens to. */
export interface CliIo extends CommandIo {
  /** Resolves when the process is asked to stop (SIGTERM or SIGINT). */
  waitForStopSignal(): Promise<string>;
  /** Calls `listener` on each request to reload (SIGHUP) until the returned function is called. */
  onReloadSignal?(listener: () => void): () => void;
}

/** The real process's streams, environment and signals. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    waitForStopSignal: () =>
      new Promise((resolve) => {
        const onSignal = (signal: string) => {
          process.off('SIGTERM', onSignal);
          process.off('SIGINT', onSignal);
          resolve(signal);
        };
        process.on('SIGTERM', onSignal);
        process.on('SIGINT', onSignal);
      }),
    onReloadSignal: (listener) => {
      process.on('SIGHUP', listener);
      return () => process.off('SIGHUP', listener);
    },
  };
}
