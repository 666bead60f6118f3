// A real Dovecot for benchmarks, and a minimal IMAP client: the plain-JS twin of
// packages/server/test/support/dovecot.ts and imap-session.ts (the test support is TypeScript and
// not compiled). Same config templates, from packages/server/test/support/dovecot/.
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
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BENCH_DIR } from './bench-support.mjs';

const TEMPLATE_DIR = join(BENCH_DIR, '../packages/server/test/support/dovecot');
const MAIL_UID = 5000;
const START_ATTEMPTS = 5;

/** Exits with a hint unless we are root and `dovecot` is installed. */
export function requireDovecot() {
  try {
    execFileSync('dovecot', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('The benchmark needs Dovecot: apt-get install -y dovecot-imapd');
    process.exit(1);
  }
  if (process.getuid() !== 0) {
    console.error('The benchmark starts Dovecot, which must run as root');
    process.exit(1);
  }
}

/**
 * Starts Dovecot on a free loopback port, its oauth2 passdb pointed at mailpat on 127.0.0.1;
 * resolves with `{ imapPort, log(), stop() }` once it greets.
 */
export async function startDovecot({ mailpatPort, clientId, clientSecret }) {
  for (let attempt = 1; ; attempt++) {
    const imapPort = await findFreePort();
    const dir = mkdtempSync(join(tmpdir(), 'mailpat-bench-dovecot-'));
    chmodSync(dir, 0o711);
    mkdirSync(join(dir, 'log'));
    mkdirSync(join(dir, 'mail'));
    chownSync(join(dir, 'mail'), MAIL_UID, MAIL_UID);
    const values = {
      DIR: dir,
      IMAP_PORT: String(imapPort),
      MAILPAT_PORT: String(mailpatPort),
      CLIENT_ID: encodeURIComponent(clientId),
      CLIENT_SECRET: encodeURIComponent(clientSecret),
    };
    for (const name of ['dovecot.conf', 'dovecot-oauth2.conf.ext']) {
      const text = readFileSync(join(TEMPLATE_DIR, name), 'utf8');
      const filled = text.replace(/@([A-Z_]+)@/g, (whole, key) => values[key] ?? whole);
      writeFileSync(join(dir, name), filled, { mode: 0o600 });
    }
    const configPath = join(dir, 'dovecot.conf');
    const log = () => readOr(join(dir, 'log', 'dovecot.log'));
    const started = await run('dovecot', ['-c', configPath], join(dir, 'log', 'start.log'));
    if (started.ok) {
      await waitForGreeting(imapPort, log);
      const pid = Number(readOr(join(dir, 'run', 'master.pid')).trim());
      return { imapPort, log, stop: () => stop(dir, configPath, pid) };
    }
    await rm(dir, { recursive: true, force: true });
    if (/Address already in use/.test(started.output) && attempt < START_ATTEMPTS) continue;
    throw new Error(`dovecot -c ${configPath} failed:\n${started.output}`);
  }
}

function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForGreeting(port, log) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const session = await ImapSession.connect(port, 2_000);
      session.close();
      if (session.greeting.startsWith('* OK')) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`Dovecot never greeted on ${port}:\n${log()}`);
    await sleep(50);
  }
}

async function stop(dir, configPath, pid) {
  await run('doveadm', ['-c', configPath, 'stop'], join(dir, 'log', 'stop.log'));
  const deadline = Date.now() + 15_000;
  while (pid > 0 && isAlive(pid) && Date.now() < deadline) await sleep(50);
  await rm(dir, { recursive: true, force: true });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Output through a file: the daemonized master inherits the descriptors, a pipe never closes. */
async function run(command, args, outputPath) {
  const fd = openSync(outputPath, 'w');
  try {
    const child = spawn(command, args, { stdio: ['ignore', fd, fd] });
    const code = await new Promise((resolve) => {
      child.once('error', (error) => resolve(error.message));
      child.once('exit', (exitCode, signal) => resolve(exitCode ?? `signal ${signal}`));
    });
    return { ok: code === 0, output: `${readOr(outputPath)}(exit: ${code})` };
  } finally {
    closeSync(fd);
  }
}

function readOr(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** An IMAP quoted string (RFC 9051 §4.3). */
function quote(value) {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * One IMAP connection sending literal `LOGIN <email> <PAT>` (npm IMAP clients would pick their
 * own mechanism); commands are tagged and answered in order, no literals.
 */
export class ImapSession {
  #socket;
  #buffer = '';
  #lines = [];
  #waiter;
  #failure;
  #tag = 0;

  constructor(socket) {
    this.#socket = socket;
    this.greeting = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      this.#buffer += chunk;
      let end;
      while ((end = this.#buffer.indexOf('\r\n')) >= 0) {
        this.#lines.push(this.#buffer.slice(0, end));
        this.#buffer = this.#buffer.slice(end + 2);
      }
      this.#wake();
    });
    socket.on('error', (error) => this.#fail(error));
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.#fail(new Error('IMAP connection closed'));
        resolve();
      }),
    );
  }

  /** Connects and reads the greeting. */
  static async connect(port, timeoutMs = 30_000) {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('IMAP read timed out')));
    const session = new ImapSession(socket);
    try {
      session.greeting = await session.#next();
    } catch (error) {
      socket.destroy();
      throw error;
    }
    return session;
  }

  login(user, password) {
    return this.command(`LOGIN ${quote(user)} ${quote(password)}`);
  }

  /** LOGOUT, then waits until the server closed the connection. */
  async logout() {
    const response = await this.command('LOGOUT');
    await this.closed;
    return response;
  }

  close() {
    this.#socket.destroy();
  }

  /** Sends a tagged command; resolves with `{ status, text, untagged }` of its completion. */
  async command(text) {
    const tag = `a${++this.#tag}`;
    this.#socket.write(`${tag} ${text}\r\n`);
    const untagged = [];
    for (;;) {
      const line = await this.#next();
      if (!line.startsWith(`${tag} `)) {
        untagged.push(line);
        continue;
      }
      const [, status, rest = ''] = /^(\S+)(?: (.*))?$/.exec(line.slice(tag.length + 1));
      return { status: status.toUpperCase(), text: rest, untagged };
    }
  }

  #next() {
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
      this.#wake();
    });
  }

  #fail(error) {
    this.#failure ??= error;
    this.#wake();
  }

  #wake() {
    const waiter = this.#waiter;
    if (!waiter) return;
    if (this.#lines.length > 0) {
      this.#waiter = undefined;
      waiter.resolve(this.#lines.shift());
    } else if (this.#failure) {
      this.#waiter = undefined;
      waiter.reject(this.#failure);
    }
  }
}
