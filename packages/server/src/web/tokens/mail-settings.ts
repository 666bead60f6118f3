/**
 * The mail client settings shown with a new secret.
 * @module
 */
import type { IncomingMessage } from 'node:http';
import type { WebSettings } from '../../config/web-settings.js';
import { MAIL_PORTS } from '../constants.js';
import type { MailSettingsView } from '../pages/index.js';

/**
 * MAILPAT_MAIL_HOST, else the host of MAILPAT_PUBLIC_URL, else the host the browser used
 * (its Host header without the port, brackets of an IPv6 literal removed).
 */
export function mailSettingsFor(
  settings: Pick<WebSettings, 'mailHost'>,
  req: IncomingMessage,
  email: string,
): MailSettingsView {
  return {
    host: settings.mailHost ?? hostWithoutPort(req.headers.host ?? 'localhost'),
    email,
    imapPort: MAIL_PORTS.imap,
    pop3Port: MAIL_PORTS.pop3,
    smtpPort: MAIL_PORTS.smtp,
  };
}

function hostWithoutPort(host: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracketed) return bracketed[1]!;
  return host.replace(/:\d+$/, '');
}
