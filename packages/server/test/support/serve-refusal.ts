/**
 * Runs `mailpat serve` when it is expected to refuse to start, without hanging if it does not.
 * @module
 */
import { spawn } from 'node:child_process';
import { MAILPAT_BIN, makeDataDir } from './mailpat-process.js';
import { recordServerSecrets, teeServerLogs } from './server-log-tee.js';

/** How one attempt to start ended. */
export interface ServeAttempt {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when it printed `listening on` (it is then stopped at once). */
  served: boolean;
  /** The fresh data directory it was given. */
  dataDir: string;
}

/**
 * `mailpat serve --port 0 --data-dir <fresh> ...args` with exactly `env` for MAILPAT_ variables
 * (the developer's own are dropped); resolves when the process has exited.
 */
export function attemptServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeAttempt> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(childEnv)) if (name.startsWith('MAILPAT_')) delete childEnv[name];
  Object.assign(childEnv, env);
  const dataDir = makeDataDir();
  const child = spawn(
    process.execPath,
    [MAILPAT_BIN, 'serve', '--port', '0', '--data-dir', dataDir, ...args],
    { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // For the log audit: a refusal must not echo the secret it refuses either.
  const database = args[args.indexOf('--database') + 1];
  recordServerSecrets(childEnv, args.includes('--database') ? database : undefined);
  teeServerLogs(child);
  const attempt: ServeAttempt = { code: null, stdout: '', stderr: '', served: false, dataDir };
  child.stderr.on('data', (chunk: Buffer) => (attempt.stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    attempt.stdout += chunk.toString();
    if (!attempt.served && attempt.stdout.includes('listening on')) {
      attempt.served = true;
      child.kill('SIGTERM');
    }
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ ...attempt, code })));
}
