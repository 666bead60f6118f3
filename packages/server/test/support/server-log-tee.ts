/**
 * Keeps a copy of every e2e server's stdout and stderr in the run's log audit directory, and
 * records the secrets its environment hands it, for the audit at the end of the run.
 * @module
 */
import type { ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { SERVER_LOG_PREFIX } from './log-audit.js';
import { logAuditDir, recordSecret, recordUrlPassword } from './secret-ledger.js';

/** Environment variables whose whole value is a secret. */
const SECRET_ENV = /SECRET|PASSWORD/i;
/** Environment variables that may be URLs with a password in them. */
const URL_ENV = /URL$/i;

let servers = 0;

/** The test file that started the server, for the log's name (the audit names the file). */
function testFileName(): string {
  try {
    return basename(expect.getState().testPath ?? 'unknown').replace(/\.test\.ts$/, '');
  } catch {
    return 'unknown';
  }
}

/**
 * Appends `child`'s stdout and stderr to `server-<test file>-<worker pid>-<n>.{stdout,stderr}.log`,
 * synchronously: a worker may be ended right after its last test, with nothing left to flush.
 */
export function teeServerLogs(child: ChildProcess): void {
  const dir = logAuditDir();
  if (dir === undefined) return;
  servers += 1;
  const name = `${SERVER_LOG_PREFIX}${testFileName()}-${process.pid}-${servers}`;
  for (const stream of ['stdout', 'stderr'] as const) {
    const file = join(dir, `${name}.${stream}.log`);
    child[stream]?.on('data', (chunk: Buffer) => appendFileSync(file, chunk, { mode: 0o600 }));
  }
}

/** Records the secrets a server is given: secret variables, URL passwords, the database URL's. */
export function recordServerSecrets(env: NodeJS.ProcessEnv, databaseUrl: string | undefined): void {
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('MAILPAT_') && SECRET_ENV.test(name)) recordSecret(name, value);
    if (name.startsWith('MAILPAT_') && URL_ENV.test(name))
      recordUrlPassword(`${name} password`, value);
  }
  recordUrlPassword('database URL password', databaseUrl);
}
