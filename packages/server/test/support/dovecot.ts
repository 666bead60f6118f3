/**
 * Runs a real Dovecot (IMAP, POP3, submission, LMTP) whose oauth2 passdbs introspect tokens at
 * mailpat, each protocol requiring its own scope, for end-to-end tests. The config templates
 * beside this file are the verified recipe.
 * @module
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const TEMPLATE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'dovecot');
/** The static userdb's owner of every mailbox; no passwd entry is needed. */
const MAIL_UID = 5000;
const START_ATTEMPTS = 5;
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 15_000;
/** The binaries of the protocols besides IMAP, from dovecot-pop3d, -submissiond and -lmtpd. */
const PROTOCOL_BINARIES = ['pop3', 'submission', 'lmtp'].map((name) => `/usr/lib/dovecot/${name}`);
/** The scope each protocol's oauth2 passdb requires, by the protocol's name in dovecot.conf. */
const PROTOCOL_SCOPES = { imap: 'IMAP', pop3: 'POP3', submission: 'SMTP' } as const;

export interface DovecotOptions {
  /** Port of `mailpat serve` on 127.0.0.1. */
  mailpatPort: number;
  /**
   * The introspection client, percent-encoded into `introspection_url` (Dovecot decodes it). No
   * `:` in the ID: HTTP Basic forbids it and Dovecot's auth process panics on it.
   */
  clientId: string;
  clientSecret: string;
  /**
   * Port on 127.0.0.1 that submission relays accepted mail to (an SMTP sink). Without it,
   * submission relays to a port nothing listens on.
   */
  relayPort?: number;
  /**
   * Lines appended to dovecot.conf; a section named again there merges into the template's
   * (e.g. a benchmark restoring Dovecot's defaults for an A/B).
   */
  extraConfig?: string;
}

export interface DovecotProcess {
  /** The temp dir holding config, base_dir, log and mail. */
  dir: string;
  configPath: string;
  imapPort: number;
  /** POP3 (`USER`/`PASS`, scope POP3) on 127.0.0.1. */
  pop3Port: number;
  /** SMTP submission (`AUTH PLAIN`/`LOGIN`, scope SMTP) on 127.0.0.1, relaying to `relayPort`. */
  submissionPort: number;
  /** LMTP on 127.0.0.1: delivers `RCPT TO:<email>` into the mailbox that email logs in to. */
  lmtpPort: number;
  /** The master process, whose children are all of Dovecot's processes. */
  masterPid: number;
  /** `doveadm stop`, then waits until the master process is gone; removes the dir. */
  stop(): Promise<void>;
  /** The Dovecot log so far, for failure messages. */
  log(): string;
}

/**
 * Whether `dovecot` is on the PATH with its POP3, submission and LMTP binaries, and we are root
 * (the master must start as root).
 */
export function isDovecotUsable(): boolean {
  if (process.getuid?.() !== 0) return false;
  if (!PROTOCOL_BINARIES.every((path) => existsSync(path))) return false;
  try {
    execFileSync('dovecot', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The listeners' ports, all on 127.0.0.1. */
interface DovecotPorts {
  imapPort: number;
  pop3Port: number;
  submissionPort: number;
  lmtpPort: number;
}

/** Starts Dovecot on free loopback ports; resolves once every listener has greeted. */
export async function startDovecot(options: DovecotOptions): Promise<DovecotProcess> {
  for (let attempt = 1; ; attempt++) {
    const ports: DovecotPorts = {
      imapPort: await findFreePort(),
      pop3Port: await findFreePort(),
      submissionPort: await findFreePort(),
      lmtpPort: await findFreePort(),
    };
    // Nothing listens there: without a sink, relayed mail meets a refused connection.
    const relayPort = options.relayPort ?? (await findFreePort());
    // A fresh dir, so its own base_dir, per attempt: a master that is still exiting elsewhere
    // ("already running") or a failed start cannot get in the way.
    const dir = prepareDir();
    const configPath = writeConfig(dir, ports, { ...options, relayPort });
    const started = await run('dovecot', ['-c', configPath], join(dir, 'log', 'start.log'));
    if (started.ok) return await waitUntilReady(dir, configPath, ports);
    await rm(dir, { recursive: true, force: true });
    // The port was free a moment ago but something took it: pick another.
    if (/Address already in use/.test(started.output) && attempt < START_ATTEMPTS) continue;
    throw new Error(`dovecot -c ${configPath} failed:\n${started.output}`);
  }
}

/**
 * A port nothing listens on right now, below the kernel's ephemeral range: a port 0 listener or an
 * outgoing connection elsewhere in the test run can never be handed it, so a server that stops and
 * starts again on it (Dovecot's config names it) finds it still free.
 */
export async function findFreePort(): Promise<number> {
  const below = ephemeralRangeStart();
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = FIXED_PORT_FLOOR + Math.floor(Math.random() * (below - FIXED_PORT_FLOOR));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port found in ${FIXED_PORT_FLOOR}-${below - 1}`);
}

const FIXED_PORT_FLOOR = 10_000;

function ephemeralRangeStart(): number {
  try {
    const [start] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/);
    const value = Number(start);
    return value > FIXED_PORT_FLOOR + 1_000 ? value : 32_768;
  } catch {
    return 32_768;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
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

/**
 * Fills the templates' `@...@` placeholders into `<dir>`: dovecot.conf and one
 * `dovecot-oauth2-<protocol>.conf.ext` per protocol with its scope. Returns the dovecot.conf path.
 */
function writeConfig(
  dir: string,
  ports: DovecotPorts,
  options: DovecotOptions & { relayPort: number },
): string {
  const values: Record<string, string> = {
    DIR: dir,
    IMAP_PORT: String(ports.imapPort),
    POP3_PORT: String(ports.pop3Port),
    SUBMISSION_PORT: String(ports.submissionPort),
    LMTP_PORT: String(ports.lmtpPort),
    RELAY_PORT: String(options.relayPort),
    MAILPAT_PORT: String(options.mailpatPort),
    CLIENT_ID: encodeURIComponent(options.clientId),
    CLIENT_SECRET: encodeURIComponent(options.clientSecret),
  };
  const fill = (name: string, extra: Record<string, string> = {}) =>
    readFileSync(join(TEMPLATE_DIR, name), 'utf8').replace(
      /@([A-Z0-9_]+)@/g,
      (whole, key: string) => extra[key] ?? values[key] ?? whole,
    );
  for (const [protocol, scope] of Object.entries(PROTOCOL_SCOPES)) {
    // 0600: the .ext files hold the introspection client secret.
    const ext = fill('dovecot-oauth2.conf.ext', { SCOPE: scope });
    writeFileSync(join(dir, `dovecot-oauth2-${protocol}.conf.ext`), ext, { mode: 0o600 });
  }
  const configPath = join(dir, 'dovecot.conf');
  const config = fill('dovecot.conf') + (options.extraConfig ?? '');
  writeFileSync(configPath, config, { mode: 0o600 });
  return configPath;
}

/** Waits until every listener greets (`* OK`, `+OK`, `220`), then reads the master pid for stop(). */
async function waitUntilReady(
  dir: string,
  configPath: string,
  ports: DovecotPorts,
): Promise<DovecotProcess> {
  const logPath = join(dir, 'log', 'dovecot.log');
  const log = () => readOr(logPath, '');
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const greetings: [number, RegExp][] = [
    [ports.imapPort, /^\* OK/],
    [ports.pop3Port, /^\+OK/],
    [ports.submissionPort, /^220 /],
    [ports.lmtpPort, /^220 /],
  ];
  for (const [port, expected] of greetings) {
    for (;;) {
      const greeting = await readGreeting(port);
      if (greeting !== undefined && expected.test(greeting)) break;
      if (Date.now() > deadline) {
        throw new Error(`Dovecot on port ${port} never greeted (${greeting}):\n${log()}`);
      }
      await sleep(50);
    }
  }
  const pid = Number(readOr(join(dir, 'run', 'master.pid'), '').trim());
  const stop = () => stopDovecot(dir, configPath, pid, log);
  return { dir, configPath, ...ports, masterPid: pid, log, stop };
}

/** The first line the server sends, or undefined if it does not accept connections yet. */
function readGreeting(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let received = '';
    const finish = (line: string | undefined) => {
      socket.destroy();
      resolve(line);
    };
    socket.setTimeout(2_000, () => finish(undefined));
    socket.once('error', () => finish(undefined));
    socket.once('close', () => finish(undefined));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n');
      if (end >= 0) finish(received.slice(0, end));
    });
  });
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
