/**
 * Writes the `--report` file: whole or not at all (a temporary file renamed over it), readable by
 * its owner only since it lists people and their addresses.
 * @module
 */
import { rename, writeFile } from 'node:fs/promises';
import type { ImportReport } from './import-report.js';

/** Writes `report` as JSON to `path`. */
export async function writeReportFile(path: string, report: ImportReport): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}
