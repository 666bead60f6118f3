/**
 * A minimal IMAP client over `node:net` for end-to-end tests: tagged commands, untagged
 * lines read until the tagged completion, quoted-string arguments only (no literals).
 *
 * Hand-written on purpose: the tests must send exactly `LOGIN <email> <PAT>` (RFC 9051 §6.2.3),
 * the command a mail client with a PAT as its password sends. The npm IMAP clients pick their own
 * mechanism (AUTHENTICATE PLAIN when the server advertises it), which would test something else.
 * @module
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';

/** The status of a tagged completion (RFC 9051 §7.1). */
export type ImapStatus = 'OK' | 'NO' | 'BAD';

/** A tagged completion and the untagged lines the server sent before it. */
export interface ImapResponse {
  status: ImapStatus;
  /** Everything after the status word, e.g. `[AUTHENTICATIONFAILED] Authentication failed.` */
  text: string;
  untagged: string[];
}

/** An IMAP string argument as a quoted string (RFC 9051 §4.3): `\` and `"` escaped. */
export function quoteImapString(value: string): string {
  if (/[\r\n\0]/.test(value)) throw new Error('An IMAP quoted string cannot hold CR, LF or NUL');
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/** One IMAP connection; resolves commands in order, one at a time. */
export class ImapSession {
  private tagCounter = 0;

  private constructor(
    private readonly socket: Socket,
    private readonly lines: LineReader,
    /** The server greeting, e.g. `* OK [CAPABILITY ...] Dovecot (Debian) ready.` */
    readonly greeting: string,
  ) {}

  /**
   * Connects (from `localAddress` when given) and reads the greeting; every later read fails
   * after `timeoutMs` of silence.
   */
  static async connect(
    port: number,
    host = '127.0.0.1',
    timeoutMs = 30_000,
    localAddress?: string,
  ): Promise<ImapSession> {
    const socket = connect({ port, host, localAddress });
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`IMAP ${host}:${port}: no data for ${timeoutMs} ms`)),
    );
    const lines = new LineReader(socket);
    try {
      const greeting = await lines.next();
      return new ImapSession(socket, lines, greeting);
    } catch (error) {
      socket.destroy();
      throw error;
    }
  }

  /** `LOGIN user password`: the plaintext login every mail client can do. */
  login(user: string, password: string): Promise<ImapResponse> {
    return this.command(`LOGIN ${quoteImapString(user)} ${quoteImapString(password)}`);
  }

  /** `SELECT mailbox`. */
  select(mailbox: string): Promise<ImapResponse> {
    return this.command(`SELECT ${quoteImapString(mailbox)}`);
  }

  /** `LOGOUT`, then waits until the server closed the connection. */
  async logout(): Promise<ImapResponse> {
    const response = await this.command('LOGOUT');
    await this.lines.closed;
    return response;
  }

  /** Drops the connection without a LOGOUT. */
  close(): void {
    this.socket.destroy();
  }

  /** Sends one tagged command and collects lines up to its tagged completion. */
  async command(text: string): Promise<ImapResponse> {
    const tag = `a${++this.tagCounter}`;
    this.socket.write(`${tag} ${text}\r\n`);
    const untagged: string[] = [];
    for (;;) {
      const line = await this.lines.next();
      if (!line.startsWith(`${tag} `)) {
        if (line.startsWith('+')) throw new Error(`Unexpected continuation request: ${line}`);
        untagged.push(line);
        continue;
      }
      const match = /^(OK|NO|BAD)(?: (.*))?$/i.exec(line.slice(tag.length + 1));
      if (!match) throw new Error(`Malformed tagged response: ${line}`);
      return { status: match[1]!.toUpperCase() as ImapStatus, text: match[2] ?? '', untagged };
    }
  }
}

/** Splits a socket's bytes into CRLF-terminated lines, handed out one `next()` at a time. */
class LineReader {
  private buffer = '';
  private readonly ready: string[] = [];
  private waiter?: { resolve: (line: string) => void; reject: (error: Error) => void };
  private failure?: Error;
  /** Settles when the socket closed, however it ended. */
  readonly closed: Promise<void>;

  constructor(socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\r\n')) >= 0) {
        this.ready.push(this.buffer.slice(0, end));
        this.buffer = this.buffer.slice(end + 2);
      }
      this.wake();
    });
    socket.on('error', (error) => this.fail(error));
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.fail(new Error('IMAP connection closed'));
        resolve();
      }),
    );
  }

  next(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
      this.wake();
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  private wake(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    const line = this.ready.shift();
    if (line !== undefined) {
      this.waiter = undefined;
      waiter.resolve(line);
    } else if (this.failure) {
      this.waiter = undefined;
      waiter.reject(this.failure);
    }
  }
}
