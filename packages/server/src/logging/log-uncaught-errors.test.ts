import { describe, expect, it } from 'vitest';
import type { Logger } from './logger.js';
import { logUncaughtErrors } from './log-uncaught-errors.js';

describe('logUncaughtErrors', () => {
  it('logs the error that crashes the process and exits 1, until stopped', () => {
    const events: unknown[] = [];
    const log: Logger = {
      info: () => {},
      warn: () => {},
      error: (message, cause) => void events.push([message, cause]),
    };
    const stop = logUncaughtErrors(log, (code) => void events.push(`exit ${code}`));
    const crash = new Error('boom');
    // As Node does on a crash; its typings offer no overload for this event.
    const emit = process.emit.bind(process) as (event: string, ...args: unknown[]) => boolean;
    emit('uncaughtException', crash, 'uncaughtException');
    stop();
    expect(events).toEqual([
      ['crashing on an uncaught error (uncaughtException)', crash],
      'exit 1',
    ]);
  });
});
