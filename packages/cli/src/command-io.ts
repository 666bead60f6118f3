/**
 * What a command may touch of the outside world, so tests can supply their own.
 * @module
 */

/** The streams and environment of one `mailpat` run. */
export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}
