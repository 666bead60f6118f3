/**
 * A vitest reporter that ends the run with what was skipped because it is not installed here and
 * how to enable it: the default reporter only counts skipped tests, and a notice printed at the
 * start of a long run scrolls away.
 * @module
 */
import type { Reporter, TestModule } from 'vitest/node';
import { SKIP_NOTICE_PREFIX } from './skip-notice.js';

/** Lines printed besides the skipped tests, e.g. a project that was not configured at all. */
export type ExtraNotices = () => string[];

/** Collects the skip notices of skipped tests and prints them, counted, after the run. */
export class SkippedSummaryReporter implements Reporter {
  readonly #extraNotices: ExtraNotices;

  constructor(extraNotices: ExtraNotices = () => []) {
    this.#extraNotices = extraNotices;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = countNotices(testModules);
    const lines = [...counts].map(([notice, count]) => `  ${count} ${plural(count)}: ${notice}`);
    lines.push(...this.#extraNotices().map((notice) => `  ${notice}`));
    if (lines.length === 0) return;
    process.stdout.write(`\nNot run on this machine:\n${lines.join('\n')}\n\n`);
  }
}

function countNotices(testModules: ReadonlyArray<TestModule>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const module of testModules) {
    for (const test of module.children.allTests('skipped')) {
      const start = test.fullName.indexOf(SKIP_NOTICE_PREFIX);
      if (start < 0) continue;
      const end = test.fullName.indexOf(']', start);
      const notice = test.fullName.slice(start + '[skipped: '.length, end < 0 ? undefined : end);
      counts.set(notice, (counts.get(notice) ?? 0) + 1);
    }
  }
  return counts;
}

function plural(count: number): string {
  return count === 1 ? 'test' : 'tests';
}
