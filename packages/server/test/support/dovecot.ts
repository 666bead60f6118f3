/**
 * Runs a real Dovecot IMAP server whose oauth2 passdb introspects tokens at mailpat, for
 * end-to-end tests. The config templates beside this file are the verified recipe.
 * @module
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapSession } from './imap-session.js';

const TEMPLATE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'dovecot');
/** The static userdb's owner of every mailbox; no passwd entry is needed. */
const MAIL_UID = 5000;
const START_ATTEMPTS = 5;
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 15_000;

export interface DovecotOptions {
  /** Port of `mailpat serve` on 127.0.0.1. */
  mailpatPort: number;
  /**
   * The introspection client, percent-encoded into `introspection_url` (Dovecot decodes it). No
   * `:` in the ID: HTTP Basic forbids it and Dovecot's auth process panics on it.
   */
  clientId: string;
  clientSecret: string;
}

export interface DovecotProcess {
  /** The temp dir holding config, base_dir, log and mail. */
  dir: string;
  configPath: string;
  imapPort: number;
  /** `doveadm stop`, then waits until the master process is gone; removes the dir. */
  stop(): Promise<void>;
  /** The Dovecot log so far, for failure messages. */
  log(): string;
}

/** Whether `dovecot` is on the PATH and we are root (the master must start as root). */
export function isDovecotUsable(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('dovecot', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Starts Dovecot on a free loopback port; resolves once it greets with `* OK`. */
export async function startDovecot(options: DovecotOptions): Promise<DovecotProcess> {
  for (let attempt = 1; ; attempt++) {
    const imapPort = await findFreePort();
    // A fresh dir, so its own base_dir, per attempt: a master that is still exiting elsewhere
    // ("already running") or a failed start cannot get in the way.
    const dir = prepareDir();
    const configPath = writeConfig(dir, imapPort, options);
    const started = await run('dovecot', ['-c', configPath], join(dir, 'log', 'start.log'));
    if (started.ok) return await waitUntilReady(dir, configPath, imapPort);
    await rm(dir, { recursive: true, force: true });
    // The port was free a moment ago but something took it: pick another.
    if (/Address already in use/.test(started.output) && attempt < START_ATTEMPTS) continue;
    throw new Error(`dovecot -c ${configPath} failed:\n${started.output}`);
  }
}

/** A port nothing listens on right now: bind port 0 on loopback, read it, close. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A temp dir others may traverse (the imap process runs as uid 5000), with log/ and mail/. */
function prepareDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mailpat-dovecot-'));
  chmodSync(dir, 0o711);
  mkdirSync(join(dir, 'log'));
  mkdirSync(join(dir, 'mail'));
  chownSync(join(dir, 'mail'), MAIL_UID, MAIL_UID);
  return dir;
}

/** Fills the templates' `@...@` placeholders into `<dir>`; returns the dovecot.conf path. */
function writeConfig(dir: string, imapPort: number, options: DovecotOptions): string {
  const values: Record<string, string> = {
    DIR: dir,
    IMAP_PORT: String(imapPort),
    MAILPAT_PORT: String(options.mailpatPort),
    CLIENT_ID: encodeURIComponent(options.clientId),
    CLIENT_SECRET: encodeURIComponent(options.clientSecret),
  };
  const fill = (name: string) =>
    readFileSync(join(TEMPLATE_DIR, name), 'utf8').replace(
      /@([A-Z_]+)@/g,
      (whole, key: string) => values[key] ?? whole,
    );
  // 0600: the .ext file holds the introspection client secret.
  writeFileSync(join(dir, 'dovecot-oauth2.conf.ext'), fill('dovecot-oauth2.conf.ext'), {
    mode: 0o600,
  });
  const configPath = join(dir, 'dovecot.conf');
  writeFileSync(configPath, fill('dovecot.conf'), { mode: 0o600 });
  return configPath;
}

/** Waits for the `* OK` greeting, then reads the master pid for stop(). */
async function waitUntilReady(
  dir: string,
  configPath: string,
  imapPort: number,
): Promise<DovecotProcess> {
  const logPath = join(dir, 'log', 'dovecot.log');
  const log = () => readOr(logPath, '');
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const greeting = await readGreeting(imapPort);
    if (greeting?.startsWith('* OK')) break;
    if (Date.now() > deadline) {
      throw new Error(`Dovecot on port ${imapPort} never greeted (${greeting}):\n${log()}`);
    }
    await sleep(50);
  }
  const pid = Number(readOr(join(dir, 'run', 'master.pid'), '').trim());
  return { dir, configPath, imapPort, log, stop: () => stopDovecot(dir, configPath, pid, log) };
}

/** The first line the server sends, or undefined if it does not accept connections yet. */
async function readGreeting(port: number): Promise<string | undefined> {
  try {
    const session = await ImapSession.connect(port, '127.0.0.1', 2_000);
    session.close();
    return session.greeting;
  } catch {
    return undefined;
  }
}

async function stopDovecot(
  dir: string,
  configPath: string,
  pid: number,
  log: () => string,
): Promise<void> {
  const stopped = await run('doveadm', ['-c', configPath, 'stop'], join(dir, 'log', 'stop.log'));
  if (!stopped.ok) throw new Error(`doveadm stop failed:\n${stopped.output}\n${log()}`);
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (pid > 0 && isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`Dovecot master ${pid} still runs after stop`);
    await sleep(50);
  }
  await rm(dir, { recursive: true, force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a command until it exits; `output` is what it wrote to stdout and stderr. The output goes
 * through a file, not a pipe: the daemonized master inherits the descriptors and keeps them open,
 * so a pipe would never close.
 */
async function run(
  command: string,
  args: string[],
  outputPath: string,
): Promise<{ ok: boolean; output: string }> {
  const fd = openSync(outputPath, 'w');
  try {
    const child = spawn(command, args, { stdio: ['ignore', fd, fd] });
    const code = await new Promise<number | string>((resolve) => {
      child.once('error', (error) => resolve(error.message));
      child.once('exit', (exitCode, signal) => resolve(exitCode ?? `signal ${signal}`));
    });
    const output = readOr(outputPath, '');
    return { ok: code === 0, output: code === 0 ? output : `${output}(exit: ${code})` };
  } finally {
    closeSync(fd);
  }
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}
