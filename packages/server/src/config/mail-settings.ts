/**
 * Reads the outgoing mail settings: the relay (MAILPAT_SMTP_URL) and the sender (MAILPAT_MAIL_FROM).
 * @module
 */
import addressparser from 'nodemailer/lib/addressparser';
import { MAIL_FROM_ENV, SMTP_URL_ENV } from './constants.js';

/** Where and as whom mailpat sends mail. */
export interface MailSettings {
  /** Options for nodemailer's SMTP transport, parsed from MAILPAT_SMTP_URL. */
  transport: {
    host: string;
    port: number;
    secure: boolean;
    lmtp: boolean;
    auth?: { user: string; pass: string };
  };
  /** MAILPAT_MAIL_FROM, an address (optionally `Name <addr>`). */
  from: string;
  /** The relay URL without credentials, safe for logs: e.g. `smtp://relay.example:587`. */
  relay: string;
}

/** Per scheme: the default port, implicit TLS, LMTP. */
const SCHEMES: Record<string, { port: number; secure: boolean; lmtp: boolean }> = {
  'smtp:': { port: 587, secure: false, lmtp: false },
  'smtps:': { port: 465, secure: true, lmtp: false },
  'lmtp:': { port: 24, secure: false, lmtp: true },
};

// A constant message: the URL is never echoed, as it may carry the relay's password.
const BAD_URL =
  `${SMTP_URL_ENV} must be an smtp://, smtps:// or lmtp:// URL ` +
  '([user:password@]host[:port], user and password percent-encoded, no path, query or fragment)';

/** A DNS name or IPv4 address, or an IPv6 address in brackets (the URL parser checked it). */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/** undefined when MAILPAT_SMTP_URL is unset or empty; throws Error naming the variable when bad. */
export function loadMailSettings(env: NodeJS.ProcessEnv): MailSettings | undefined {
  const text = env[SMTP_URL_ENV];
  if (!text) return undefined;
  const url = URL.canParse(text) ? new URL(text) : undefined;
  const scheme = url === undefined ? undefined : SCHEMES[url.protocol];
  if (url === undefined || scheme === undefined) throw new Error(BAD_URL);
  const host = url.hostname.toLowerCase();
  if (
    !HOST.test(host) ||
    url.port === '0' ||
    (url.pathname !== '' && url.pathname !== '/') ||
    url.search !== '' ||
    url.hash !== '' ||
    // `smtp://h?` and `smtp://h#` leave search and hash empty; the text still had them.
    /[?#]/.test(text)
  ) {
    throw new Error(BAD_URL);
  }
  const port = url.port === '' ? scheme.port : Number(url.port);
  const auth = readCredentials(url);
  return {
    transport: {
      host: host.replace(/^\[(.*)\]$/, '$1'),
      port,
      secure: scheme.secure,
      lmtp: scheme.lmtp,
      ...(auth ? { auth } : {}),
    },
    from: loadMailFrom(env),
    relay: `${url.protocol}//${host}:${port}`,
  };
}

/** The URL's `user:password@`, percent-decoded; both or neither. */
function readCredentials(url: URL): { user: string; pass: string } | undefined {
  if (url.username === '' && url.password === '') return undefined;
  if (url.username === '' || url.password === '') {
    throw new Error(`${SMTP_URL_ENV} must carry both a user and a password, or neither`);
  }
  try {
    return { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  } catch {
    throw new Error(`${SMTP_URL_ENV} must percent-encode its user and password as UTF-8`);
  }
}

/** One mailbox, with or without a display name; no group, no list, no line break. */
function loadMailFrom(env: NodeJS.ProcessEnv): string {
  const text = env[MAIL_FROM_ENV]?.trim();
  if (!text) throw new Error(`${MAIL_FROM_ENV} must be set when ${SMTP_URL_ENV} is`);
  const addresses = addressparser(text);
  const only = addresses.length === 1 ? addresses[0] : undefined;
  if (
    // Control characters could end the header and start another one.
    /\p{Cc}/u.test(text) ||
    only === undefined ||
    only.group !== undefined ||
    !/^[^\s@<>]+@[^\s@<>]+$/.test(only.address)
  ) {
    throw new Error(`${MAIL_FROM_ENV} must be one address, e.g. "mailpat <mailpat@example.org>"`);
  }
  return text;
}
