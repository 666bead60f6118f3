/**
 * A PostgreSQL cluster of one test's own, which it may crash and restart without
 * disturbing the shared test server (scripts/test-postgres.sh with a private port and directory).
 * @module
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const SCRIPT = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../scripts/test-postgres.sh',
);

export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` */
  url: string;
  start(): Promise<void>;
  /** Immediate shutdown, as if the server crashed: sessions die mid-query. */
  crash(): Promise<void>;
  /** Stops the cluster and deletes its data. */
  destroy(): Promise<void>;
}

/**
 * Why a private cluster cannot run here, or undefined: initdb and postgres run as the `postgres`
 * user, which the script switches to only from root.
 */
export function privatePostgresUnavailable(): string | undefined {
  const user = userInfo().username;
  if (user !== 'root' && user !== 'postgres') {
    return `run npm test as root or as the postgres user, not ${user}`;
  }
  return undefined;
}

/** initdb's and starts a cluster on a free port (a random one in 40000-49999 not answering). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const base = mkdtempSync(join(tmpdir(), 'mailpat-private-pg-'));
  // The postgres user must reach the data and socket directories inside.
  chmodSync(base, 0o755);
  const port = String(40_000 + Math.floor(Math.random() * 10_000));
  const env = {
    ...process.env,
    MAILPAT_TEST_PG_PORT: port,
    MAILPAT_TEST_PG_DATA: join(base, 'data'),
    MAILPAT_TEST_PG_SOCKET: join(base, 'socket'),
  };
  const run = async (action: string) =>
    (await promisify(execFile)('bash', [SCRIPT, action], { env })).stdout.trim();
  const url = await run('start');
  return {
    url,
    start: async () => void (await run('start')),
    crash: async () => void (await run('crash')),
    destroy: async () => {
      await run('destroy');
      rmSync(base, { recursive: true, force: true });
    },
  };
}
