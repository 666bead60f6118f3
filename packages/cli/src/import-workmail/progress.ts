/**
 * Progress of the import's long steps: a bar on a terminal (cli-progress), nothing otherwise,
 * so logs and pipes get only the plan and the report.
 * @module
 */
import { Presets, SingleBar } from 'cli-progress';

/** Reports how far one step is. */
export interface Progress {
  /** Starts a step of `total` units. */
  start(label: string, total: number): void;
  /** One more unit done. */
  increment(): void;
  /** Ends the current step. */
  stop(): void;
}

/** Does nothing: for pipes, files and tests. */
export const SILENT_PROGRESS: Progress = {
  start: () => undefined,
  increment: () => undefined,
  stop: () => undefined,
};

/** A bar on `stream` when it is a terminal, else SILENT_PROGRESS. */
export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }): Progress {
  if (!stream.isTTY) return SILENT_PROGRESS;
  let bar: SingleBar | undefined;
  return {
    start(label, total) {
      bar?.stop();
      bar = new SingleBar(
        {
          stream,
          format: `${label.padEnd(16)} [{bar}] {value}/{total} {percentage}% eta {eta_formatted}`,
          hideCursor: true,
        },
        Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    increment: () => bar?.increment(),
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
