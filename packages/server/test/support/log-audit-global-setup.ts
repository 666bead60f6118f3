/**
 * Global setup of every vitest project: gives the run a directory for server logs and recorded
 * secrets, and at the end of the run fails it if any server log holds any recorded secret.
 * @module
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { auditLogs } from './log-audit.js';

/** Set to keep the logs of a passing run (a failing one always keeps them). */
const KEEP_ENV = 'MAILPAT_TEST_KEEP_LOGS';

export function setup(project: TestProject): () => void {
  const root = join(tmpdir(), 'mailpat-test-logs');
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const dir = mkdtempSync(join(root, `${project.name}-`));
  project.provide('logAuditDir', dir);
  return () => {
    const { leaks, logs, secrets } = auditLogs(dir);
    if (leaks.length > 0) {
      const lines = leaks.map((leak) => `  ${leak.file}: a ${leak.kind}`);
      // vitest 4 prints a teardown's error ("error during close") but still exits 0: fail the
      // run through the exit code it exits with, and throw for the message.
      process.exitCode = 1;
      throw new Error(
        `secrets found in server logs (${logs} logs, ${secrets} secrets searched; kept in ${dir}):\n` +
          lines.join('\n'),
      );
    }
    if (process.env[KEEP_ENV] === undefined) rmSync(dir, { recursive: true, force: true });
  };
}
