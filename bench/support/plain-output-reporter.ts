/**
 * Vitest's default reporter, except that what a benchmark prints reaches the terminal as printed:
 * no `stdout | file > case` header, no live summary redrawn over it. The report is the output.
 *
 * @module
 */
import type { UserConsoleLog } from 'vitest';
import { DefaultReporter } from 'vitest/node';

/** Prints the benchmarks' console output verbatim, then vitest's usual pass/fail summary. */
export class PlainOutputReporter extends DefaultReporter {
  constructor() {
    super({ summary: false });
  }

  override onUserConsoleLog(log: UserConsoleLog): void {
    (log.type === 'stdout' ? process.stdout : process.stderr).write(log.content);
  }
}
