/**
 * Sends mail through the configured relay (SMTP, SMTPS or LMTP) with nodemailer.
 * @module
 */
import type { NodemailerError, Transporter } from 'nodemailer';
import type { MailSettings } from '../config/mail-settings.js';
import {
  SMTP_CONNECTION_TIMEOUT_MS,
  SMTP_DNS_TIMEOUT_MS,
  SMTP_GREETING_TIMEOUT_MS,
  SMTP_MAX_CONNECTIONS,
  SMTP_SOCKET_TIMEOUT_MS,
} from './constants.js';

/** One message: to one recipient, as plain text with an HTML alternative. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where mail goes out. */
export interface MailSender {
  /** Resolves once the relay accepted the message; rejects with MailDeliveryError. */
  send(mail: OutgoingMail): Promise<void>;
  /** Closes the relay connections; messages still queued fail. */
  close(): void;
}

/** The relay did not take a message: unreachable, silent, refused the login or the recipient. */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';
  /** The relay refused for good (a 5xx reply): sending the same message again would fail again. */
  readonly permanent: boolean;
  /** The relay's reply code, when it replied. */
  readonly responseCode: number | undefined;

  constructor(
    message: string,
    options: { permanent: boolean; responseCode?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.permanent = options.permanent;
    this.responseCode = options.responseCode;
  }
}

/** Test-only: a shorter timeout for every step, and a CA to trust for an smtps:// test relay. */
export interface SmtpMailSenderTestOptions {
  timeoutMs?: number;
  tls?: { ca?: string };
}

/** A sender through the relay of `settings`, from `settings.from`. */
export function createSmtpMailSender(
  settings: MailSettings,
  testOptions: SmtpMailSenderTestOptions = {},
): MailSender {
  // nodemailer is loaded with the first message, not at start: it keeps about 13 MiB resident,
  // and most hours of a server send nothing.
  let transport: Promise<Transporter> | undefined;
  let closed = false;
  return {
    async send(mail) {
      try {
        // As nodemailer's own closed pool does: a closed sender takes no more messages.
        if (closed) throw new Error('the mail sender was closed');
        transport ??= openTransport(settings, testOptions);
        await (await transport).sendMail(mail);
      } catch (error) {
        throw toDeliveryError(error, settings.relay);
      }
    },
    close() {
      closed = true;
      // A transport that could not be opened has nothing to close (its send already failed).
      void transport?.then(
        (opened) => opened.close(),
        () => undefined,
      );
    },
  };
}

/** The pooled transport to the relay of `settings`. */
async function openTransport(
  settings: MailSettings,
  { timeoutMs, tls }: SmtpMailSenderTestOptions,
): Promise<Transporter> {
  const { createTransport } = await import('nodemailer');
  return createTransport(
    {
      ...settings.transport,
      pool: true,
      maxConnections: SMTP_MAX_CONNECTIONS,
      connectionTimeout: timeoutMs ?? SMTP_CONNECTION_TIMEOUT_MS,
      greetingTimeout: timeoutMs ?? SMTP_GREETING_TIMEOUT_MS,
      socketTimeout: timeoutMs ?? SMTP_SOCKET_TIMEOUT_MS,
      dnsTimeout: timeoutMs ?? SMTP_DNS_TIMEOUT_MS,
      // Messages are built from text only: nothing may make nodemailer read a file or fetch a URL.
      disableFileAccess: true,
      disableUrlAccess: true,
      ...(tls?.ca === undefined ? {} : { tls: { ca: tls.ca } }),
    },
    { from: settings.from },
  );
}

/**
 * Classifies nodemailer's error. A 5xx reply is permanent except 503 (bad sequence: the session,
 * not the message, was wrong), which is nodemailer's own `permanent`; no reply (timeout, refused
 * connection, TLS failure) is temporary.
 */
function toDeliveryError(error: unknown, relay: string): MailDeliveryError {
  const failure = error as NodemailerError;
  const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : undefined;
  const permanent =
    failure.permanent ??
    (responseCode !== undefined &&
      responseCode >= 500 &&
      responseCode < 600 &&
      responseCode !== 503);
  const reason = error instanceof Error ? error.message : String(error);
  return new MailDeliveryError(`${relay} did not take the message: ${reason}`, {
    permanent,
    cause: error,
    ...(responseCode === undefined ? {} : { responseCode }),
  });
}
