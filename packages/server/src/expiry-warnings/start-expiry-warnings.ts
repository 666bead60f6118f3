/**
 * The expiry warnings of `mailpat serve`: on with a mail relay, off (and said so once) without.
 * @module
 */
import type { MailSettings } from '../config/mail-settings.js';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../logging/logger.js';
import { createSmtpMailSender } from '../mail/mail-sender.js';
import type { Store } from '../storage/store.js';
import { ExpiryWarningCheck } from './expiry-warning-check.js';

/** The check, started (at once, then hourly); undefined when no relay is configured. */
export function startExpiryWarnings(options: {
  mail: MailSettings | undefined;
  store: Store;
  clock: Clock;
  log: Logger;
  /** MAILPAT_PUBLIC_URL: the mails link to its `/account/` page. */
  publicUrl: URL | undefined;
}): ExpiryWarningCheck | undefined {
  const { mail, log } = options;
  if (mail === undefined) {
    log.info('token expiry warnings off: set MAILPAT_SMTP_URL and MAILPAT_MAIL_FROM to mail them');
    return undefined;
  }
  const check = new ExpiryWarningCheck({
    store: options.store,
    sender: createSmtpMailSender(mail),
    clock: options.clock,
    log,
    // Without a public URL the listening address may be one users cannot reach: no link then.
    accountUrl: options.publicUrl && new URL('account/', options.publicUrl).href,
  });
  log.info(`token expiry warnings mailed through ${mail.relay} from ${mail.from}`);
  check.start();
  return check;
}
