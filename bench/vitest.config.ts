import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { PlainOutputReporter } from './support/plain-output-reporter.js';

/**
 * The benchmarks, run by the tests' own tooling: each `bench/*-benchmark.ts` is one case that
 * prints its report and fails only when the benchmark could not run (a benchmark reports numbers,
 * it does not judge them). `npm run bench*` names one file each; the root vitest.config.ts never
 * includes bench/, so `npm test` does not run them.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['bench/*-benchmark.ts'],
    // A run takes as long as its sizes say (a million seeded tokens: minutes).
    testTimeout: 0,
    hookTimeout: 0,
    pool: 'forks',
    // One benchmark at a time: two at once would measure each other.
    fileParallelism: false,
    reporters: [new PlainOutputReporter()],
    server: {
      deps: {
        // The clients under measurement run as users run them, as Node loads the built package,
        // not rewritten by vite's module runner (workspace packages resolve outside node_modules).
        external: [/\/packages\/[^/]+\/dist\//],
      },
    },
  },
});
