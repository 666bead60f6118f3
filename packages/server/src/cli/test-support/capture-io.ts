/**
 * A CliIo for tests of run(): what the command writes is kept, and a stop signal arrives at once.
 * @module
 */
import { PassThrough } from 'node:stream';
import type { CliIo } from '../cli-io.js';

/** CliIo whose stdout and stderr are kept as text (`out()`, `err()`), with an empty env. */
export function captureIo(): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return {
    stdout,
    stderr,
    env: {},
    waitForStopSignal: () => Promise.resolve('SIGTERM'),
    out: () => out,
    err: () => err,
  };
}
