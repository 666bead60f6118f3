/**
 * The sender `mailpat import-workmail --notify-users` mails through: the configured relay
 * (MAILPAT_SMTP_URL, from MAILPAT_MAIL_FROM), each plain-text notification with an HTML twin.
 * @module
 */
import type { NotificationSender } from '@mailpat/cli';
import escapeHtml from 'escape-html';
import { loadMailSettings } from '../config/mail-settings.js';
import { createSmtpMailSender } from './mail-sender.js';

/** The relay's sender, or undefined when MAILPAT_SMTP_URL is unset; throws when it is bad. */
export function createImportNotificationSender(
  env: NodeJS.ProcessEnv,
): NotificationSender | undefined {
  const settings = loadMailSettings(env);
  if (!settings) return undefined;
  const sender = createSmtpMailSender(settings);
  return {
    send: ({ to, subject, text }) =>
      sender.send({ to, subject, text, html: `<pre>${escapeHtml(text)}</pre>` }),
    close: () => sender.close(),
  };
}
