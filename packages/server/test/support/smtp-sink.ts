/**
 * An SMTP server that keeps what it receives, for tests of everything that sends mail: Dovecot's
 * submission relay and mailpat's expiry warnings. Built on `smtp-server` (nodemailer's own), the
 * messages parsed with `mailparser`.
 * @module
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the sink received it. */
export interface ReceivedMail {
  /** MAIL FROM of the envelope. */
  from: string;
  /** RCPT TO of the envelope. */
  to: string[];
  /** The user the client authenticated as, when it did. */
  authenticatedAs: string | undefined;
  /** The message exactly as it came over the wire. */
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSinkOptions {
  /** Require AUTH PLAIN/LOGIN with these credentials; without it no authentication is offered. */
  auth?: { user: string; pass: string };
  /** Implicit TLS (smtps) with this certificate and key. */
  tls?: { certFile: string; keyFile: string };
  /**
   * Answer every RCPT TO with a failure: `true` a temporary 451 (a relay that is down for mail),
   * or this reply code (e.g. 550, a recipient refused for good).
   */
  refuseRecipients?: boolean | number;
  /** Speak LMTP (LHLO, a reply per recipient after DATA), as Dovecot's LMTP does. */
  lmtp?: boolean;
}

export interface SmtpSink {
  port: number;
  /** Everything received so far, in order. */
  readonly messages: ReceivedMail[];
  /** Resolves once `count` messages are in, or rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Starts a sink on a free loopback port. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: options.tls !== undefined,
    lmtp: options.lmtp ?? false,
    ...(options.tls
      ? { key: readFileSync(options.tls.keyFile), cert: readFileSync(options.tls.certFile) }
      : {}),
    authOptional: options.auth === undefined,
    // No STARTTLS on a plain sink: smtp-server would offer it with its own (expired) certificate.
    disabledCommands: [
      ...(options.auth === undefined ? ['AUTH'] : []),
      ...(options.tls === undefined ? ['STARTTLS'] : []),
    ],
    // Plain-text AUTH over loopback without TLS is what a local relay does.
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const expected = options.auth;
      if (expected && auth.username === expected.user && auth.password === expected.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onRcptTo(_address, _session, callback) {
      if (options.refuseRecipients) {
        const code = options.refuseRecipients === true ? 451 : options.refuseRecipients;
        const text = code >= 500 ? 'No such user here' : 'Try again later';
        const refusal = Object.assign(new Error(text), { responseCode: code });
        callback(refusal);
      } else {
        callback();
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            const mailFrom = session.envelope.mailFrom;
            messages.push({
              from: mailFrom === false ? '' : mailFrom.address,
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              authenticatedAs: (session.user as string | undefined) ?? undefined,
              raw,
              parsed,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as { port: number };
  return {
    port,
    messages,
    async waitForMessages(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`the SMTP sink has ${messages.length} messages, expected ${count}`);
        }
        await sleep(25);
      }
      return messages.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
