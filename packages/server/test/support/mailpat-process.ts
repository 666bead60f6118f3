/**
 * Runs the real `mailpat` binary (built dist) as a child process for end-to-end tests.
 * @module
 */
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import {
  createTestDatabase,
  testPostgresUrl,
} from '../../src/storage/postgres/test-support/test-databases.js';
import { recordSecret } from './secret-ledger.js';
import { recordServerSecrets, teeServerLogs } from './server-log-tee.js';

export const MAILPAT_BIN = join(dirname(fileURLToPath(import.meta.url)), '../../bin/mailpat.js');

export interface MailpatProcess {
  url: string;
  dataDir: string;
  /** The `--database` it runs on; undefined for SQLite in `dataDir`. */
  databaseUrl: string | undefined;
  accessKeyId: string;
  secretAccessKey: string;
  /** With TLS: the PEM file clients must trust (boto3 `verify=`, aws `--ca-bundle`). */
  caFile: string | undefined;
  child: ChildProcess;
  /** Everything the process wrote so far. */
  output(): { stdout: string; stderr: string };
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  dataDir?: string;
  /** The port to listen on; a free one by default (0). Dovecot's config names a fixed one. */
  port?: number;
  /** Root credentials; fresh random ones by default. Pass null to let mailpat generate them. */
  credentials?: { accessKeyId: string; secretAccessKey: string } | null;
  env?: NodeJS.ProcessEnv;
  /**
   * The `--database` URL. By default SQLite in the data directory, or, in the vitest project
   * that runs the API suite on PostgreSQL, a database of the test server for this data directory.
   */
  databaseUrl?: string;
  /** Serve HTTPS with this certificate (`--tls-cert`/`--tls-key`); clients trust `caFile`. */
  tls?: { certFile: string; keyFile: string; caFile: string };
  /** The process umask (e.g. 0 to prove file modes do not depend on it); inherited by default. */
  umask?: number;
  /** Modules node preloads (`--import`) before mailpat, e.g. clock-offset.mjs. */
  preload?: URL[];
  /** Called with the process as soon as it is spawned (e.g. to kill it while it starts). */
  onSpawn?: (child: ChildProcess) => void;
  /** More `mailpat serve` options, e.g. `['--metrics-port', '0']`. */
  args?: string[];
}

/** Set by the vitest project that runs the end-to-end suite on PostgreSQL (vitest.config.ts). */
export const E2E_BACKEND_ENV = 'MAILPAT_E2E_BACKEND';

/** Prefix of the databases e2e servers create; each run adds its own part (e2eDatabasePrefix). */
export const E2E_DATABASE_PREFIX = 'mailpat_e2e_';

/**
 * The prefix of this run's e2e databases: the PostgreSQL project's global setup provides one per
 * run and drops exactly those at the end; outside it (benchmarks) the bare prefix.
 */
export function e2eDatabasePrefix(): string {
  return inject('e2eDatabasePrefix') ?? E2E_DATABASE_PREFIX;
}

/**
 * The database of the e2e backend for `dataDir`: undefined (SQLite inside it) or one PostgreSQL
 * database per data directory, so a restarted server finds its data as with a SQLite file.
 */
export async function defaultDatabaseUrl(dataDir: string): Promise<string | undefined> {
  if (process.env[E2E_BACKEND_ENV] !== 'postgres') return undefined;
  const serverUrl = testPostgresUrl();
  if (serverUrl === undefined) {
    throw new Error(`${E2E_BACKEND_ENV}=postgres needs MAILPAT_TEST_POSTGRES_URL`);
  }
  const digest = createHash('sha256').update(dataDir).digest('hex').slice(0, 24);
  return createTestDatabase(serverUrl, { name: `${e2eDatabasePrefix()}${digest}` });
}

/** A fresh temporary data directory. */
export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'mailpat-e2e-'));
}

/** Starts `mailpat serve --port 0` (or `options.port`) and resolves once it printed its `listening on` line. */
export async function startMailpat(options: StartOptions = {}): Promise<MailpatProcess> {
  const dataDir = options.dataDir ?? makeDataDir();
  const credentials =
    options.credentials === undefined
      ? {
          accessKeyId: `AKIATEST${randomBytes(6).toString('hex').toUpperCase()}`,
          secretAccessKey: randomBytes(30).toString('base64'),
        }
      : options.credentials;
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // The database is chosen by --database alone, never by the developer's own environment.
  delete env.MAILPAT_DATABASE_URL;
  delete env.MAILPAT_ROOT_ACCESS_KEY_ID;
  delete env.MAILPAT_ROOT_SECRET_ACCESS_KEY;
  if (credentials) {
    env.MAILPAT_ROOT_ACCESS_KEY_ID = credentials.accessKeyId;
    env.MAILPAT_ROOT_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  }
  const databaseUrl =
    options.databaseUrl === undefined ? await defaultDatabaseUrl(dataDir) : options.databaseUrl;
  const args = [
    ...(options.preload ?? []).flatMap((module) => ['--import', module.href]),
    MAILPAT_BIN,
    'serve',
    '--port',
    String(options.port ?? 0),
    '--data-dir',
    dataDir,
    ...(databaseUrl === undefined ? [] : ['--database', databaseUrl]),
    ...(options.tls === undefined
      ? []
      : ['--tls-cert', options.tls.certFile, '--tls-key', options.tls.keyFile]),
    ...(options.args ?? []),
  ];
  const child = spawnWithUmask(process.execPath, args, options.umask, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  recordServerSecrets(env, databaseUrl);
  teeServerLogs(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // A JSON line ends the URL at the message's closing quote, a pretty one at the line's end.
      const match = /listening on (https?:\/\/[^\s"]+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) =>
      reject(new Error(`mailpat exited with ${code} before listening:\n${stdout}\n${stderr}`)),
    );
  });
  // 'close', not 'exit': by then stdout and stderr are drained, so output() is complete.
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => resolve(code)),
  );
  const keys = credentials ?? readGeneratedCredentials(dataDir);
  recordSecret('root secret access key', keys.secretAccessKey);
  return {
    url,
    dataDir,
    databaseUrl,
    accessKeyId: keys.accessKeyId,
    secretAccessKey: keys.secretAccessKey,
    caFile: options.tls?.caFile,
    child,
    output: () => ({ stdout, stderr }),
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Spawns `file args` under `umask` when one is given: through `sh`, which execs the program, so
 * the child (and its pid) is the program itself.
 */
export function spawnWithUmask(
  file: string,
  args: string[],
  umask: number | undefined,
  options: SpawnOptions,
): ChildProcess {
  if (umask === undefined) return spawn(file, args, options);
  const script = `umask ${umask.toString(8).padStart(3, '0')} && exec "$0" "$@"`;
  return spawn('/bin/sh', ['-c', script, file, ...args], options);
}

/** The pair `mailpat serve` generated into `<dataDir>/credentials` (profile `mailpat`). */
function readGeneratedCredentials(dataDir: string): {
  accessKeyId: string;
  secretAccessKey: string;
} {
  const text = readFileSync(join(dataDir, 'credentials'), 'utf8');
  return {
    accessKeyId: /aws_access_key_id\s*=\s*(\S+)/.exec(text)?.[1] ?? '',
    secretAccessKey: /aws_secret_access_key\s*=\s*(\S+)/.exec(text)?.[1] ?? '',
  };
}
