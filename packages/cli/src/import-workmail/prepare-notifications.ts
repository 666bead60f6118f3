/**
 * Before anything is read: what `--notify-users` needs (a report file to record in, a mail
 * relay), and who earlier runs already mailed.
 * @module
 */
import { CliConfigurationError, CliUsageError } from '../workmail/cli-errors.js';
import type { ImportOptions } from './import-options.js';
import type { ImportServices, NotificationSender } from './notification-sender.js';
import { readNotifiedUsers } from './read-previous-report.js';

/** The sender (with `--notify-users`) and who was mailed before (source user ID -> when). */
export interface PreparedNotifications {
  sender?: NotificationSender;
  notified: Map<string, string>;
}

/** Checks the options and opens the sender; throws a usage or configuration error. */
export async function prepareNotifications(
  options: ImportOptions,
  env: NodeJS.ProcessEnv,
  services: ImportServices,
): Promise<PreparedNotifications> {
  if (!options.notifyUsers) {
    // Without --notify-users a previous record is only carried over, never required.
    const notified = options.report
      ? await readNotifiedUsers(options.report, options.organizationId).catch(() => new Map())
      : new Map<string, string>();
    return { notified };
  }
  if (options.report === undefined) {
    throw new CliUsageError(
      '--notify-users needs --report FILE: the report records whom it mailed, so that a rerun ' +
        'does not mail them again',
    );
  }
  const notified = await readNotifiedUsers(options.report, options.organizationId);
  let sender: NotificationSender | undefined;
  try {
    sender = await services.createNotificationSender?.(env);
  } catch (error) {
    throw new CliConfigurationError(error instanceof Error ? error.message : String(error));
  }
  if (!sender) {
    throw new CliConfigurationError(
      '--notify-users needs a mail relay: set MAILPAT_SMTP_URL and MAILPAT_MAIL_FROM',
    );
  }
  return { sender, notified };
}
