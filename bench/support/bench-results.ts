/**
 * Where a benchmark's report goes: printed, and written to `bench/results/<name>.json`, which
 * `npm run bench:report` (bench/report/render-report.mjs) turns into docs/benchmarks.md's tables
 * and charts. The files are committed with the docs they feed.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/results, or BENCH_RESULTS_DIR. */
export const RESULTS_DIR =
  process.env.BENCH_RESULTS_DIR ?? fileURLToPath(new URL('../results', import.meta.url));

/** Prints `report` as JSON and writes it to `<RESULTS_DIR>/<name>.json` with the date of the run. */
export function recordReport(name: string, report: object): void {
  const stamped = { benchmark: name, measuredAt: new Date().toISOString(), ...report };
  const text = JSON.stringify(stamped, null, 2);
  console.log(text);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.json`), `${text}\n`);
}
