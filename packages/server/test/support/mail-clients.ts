/**
 * Mail clients for end-to-end tests, run through Python's own smtplib and poplib (python3): the
 * login a stock client library does, not one written for the test.
 * @module
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DRIVER = join(dirname(fileURLToPath(import.meta.url)), 'mail_clients_driver.py');

/** What a client run ended with; on failure, where and the server's answer. */
export type MailClientOutcome =
  | { ok: true; stat?: [number, number]; message?: string }
  | {
      ok: false;
      stage: 'auth' | 'send';
      code?: number;
      error: string;
      /** After a refused AUTH: how sending without a login ended (it must not be relayed). */
      sendAnyway?: MailClientOutcome;
    };

/** One message: envelope and the RFC 5322 text (ASCII, CRLF line ends). */
export interface OutgoingMail {
  from: string;
  to: string[];
  message: string;
}

/** A login; `localAddress` is the loopback address the client connects from. */
export interface MailLogin {
  port: number;
  user: string;
  password: string;
  localAddress?: string;
}

/** smtplib: EHLO, `AUTH PLAIN` with the login, then sends the mail. */
export function sendWithSmtplib(login: MailLogin, mail: OutgoingMail): Promise<MailClientOutcome> {
  return runDriver({ client: 'smtp', ...login, ...mail });
}

/** poplib: `USER`/`PASS`, `STAT`, and `RETR` of message `retrieve` when given. */
export function loginWithPoplib(login: MailLogin, retrieve?: number): Promise<MailClientOutcome> {
  return runDriver({ client: 'pop3', ...login, retrieve });
}

/** smtplib.LMTP: delivers the mail into the recipients' mailboxes, no login. */
export function deliverWithLmtp(port: number, mail: OutgoingMail): Promise<MailClientOutcome> {
  return runDriver({ client: 'lmtp', port, ...mail });
}

function runDriver(spec: Record<string, unknown>): Promise<MailClientOutcome> {
  return new Promise((resolve, reject) => {
    const child = execFile('python3', [DRIVER], (error, stdout, stderr) => {
      if (error) reject(new Error(`mail client driver failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as MailClientOutcome);
    });
    child.stdin!.end(JSON.stringify(spec));
  });
}
