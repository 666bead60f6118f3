import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestModule } from 'vitest/node';
import { skipNotice } from './skip-notice.js';
import { SkippedSummaryReporter } from './skipped-summary-reporter.js';

/** Just what the reporter reads of a test module: its skipped tests' full names. */
function moduleWithSkipped(...fullNames: string[]): TestModule {
  const children = {
    *allTests(state?: string) {
      if (state === 'skipped') yield* fullNames.map((fullName) => ({ fullName }));
    },
  };
  return { children } as unknown as TestModule;
}

function printed(reporter: SkippedSummaryReporter, modules: TestModule[]): string {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  reporter.onTestRunEnd(modules);
  return write.mock.calls.map(([chunk]) => String(chunk)).join('');
}

afterEach(() => vi.restoreAllMocks());

describe('SkippedSummaryReporter', () => {
  const zsh = skipNotice('zsh', 'apt-get install -y zsh');

  it('counts skipped tests per notice and says how to enable them', () => {
    const out = printed(new SkippedSummaryReporter(), [
      moduleWithSkipped(`completion > offers commands ${zsh}`, `completion > offers files ${zsh}`),
      moduleWithSkipped(`dovecot ${skipNotice('Dovecot', 'apt-get install -y dovecot-imapd')}`),
    ]);
    expect(out).toContain('2 tests: needs zsh; apt-get install -y zsh');
    expect(out).toContain('1 test: needs Dovecot; apt-get install -y dovecot-imapd');
  });

  it('ignores tests skipped for other reasons', () => {
    const out = printed(new SkippedSummaryReporter(), [moduleWithSkipped('a plain it.skip')]);
    expect(out).toBe('');
  });

  it('adds the notices of suites that were not configured at all', () => {
    const out = printed(new SkippedSummaryReporter(() => ['the PostgreSQL suite: needs PG']), []);
    expect(out).toContain('Not run on this machine:\n  the PostgreSQL suite: needs PG');
  });
});
