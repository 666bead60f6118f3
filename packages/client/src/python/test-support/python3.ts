/**
 * Runs the machine's python3 for tests that compare the emulation with CPython itself.
 * @module
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { skipNotice } from '../../../../../test-support/skip-notice.js';

/** Whether `python3` runs here; tests that need it are skipped, with a notice, when it does not. */
export const HAS_PYTHON3 = spawnSync('python3', ['--version']).status === 0;

/** The notice a test that needs python3 carries in its name when skipped. */
export const PYTHON3_SKIP_NOTICE = skipNotice('python3', 'apt-get install -y python3');

/** Runs `script` once with `args`, JSON `input` on stdin, and parses its JSON stdout. */
export function runPythonJson<T>(script: string, input: unknown = null): T {
  return JSON.parse(runPython(['-c', script], input)) as T;
}

/** Runs python3 with `args` and `input` (JSON-encoded) on stdin; returns stdout. */
export function runPython(args: readonly string[], input: unknown = null): string {
  const stdout = execFileSync('python3', args, {
    input: JSON.stringify(input),
    maxBuffer: 512 * 1024 * 1024,
  });
  return stdout.toString('utf8');
}
