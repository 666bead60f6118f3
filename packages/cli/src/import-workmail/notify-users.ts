/**
 * `--notify-users`: mails each imported user with an address the tokens they must re-create and
 * where (never a secret), once: the report file records who was mailed, and a rerun reads it.
 * @module
 */
import type { ImportReport, ReportUser } from './import-report.js';
import type { NotificationSender } from './notification-sender.js';

/** The subject of every notification. */
export const NOTIFICATION_SUBJECT = 'Re-create your personal access tokens on mailpat';

/** Users to mail: imported, with an address and tokens, not mailed by an earlier run. */
export function usersToNotify(report: ImportReport): ReportUser[] {
  return report.Users.filter(
    (user) =>
      user.Password !== undefined &&
      user.State === 'ENABLED' &&
      user.Email !== undefined &&
      user.Tokens.length > 0 &&
      user.NotifiedAt === undefined,
  );
}

/** How often (in messages) notifyUsers lets the caller save who was mailed. */
export const NOTIFY_CHECKPOINT_EVERY = 50;

/**
 * Mails every user of usersToNotify, one at a time (a relay may limit clients), and sets
 * NotifiedAt on each as it is accepted; every NOTIFY_CHECKPOINT_EVERY messages it awaits
 * `checkpoint` (the caller writes the report), so a killed run mails few users twice. Resolves
 * with how many were mailed; a failure rejects after the users before it were marked.
 */
export async function notifyUsers(
  report: ImportReport,
  sender: NotificationSender,
  checkpoint: () => Promise<void> = async () => undefined,
  now: () => Date = () => new Date(),
): Promise<number> {
  let sent = 0;
  for (const user of usersToNotify(report)) {
    await sender.send({
      to: user.Email!,
      subject: NOTIFICATION_SUBJECT,
      text: notificationText(user, report.AccountUrl),
    });
    user.NotifiedAt = now().toISOString();
    if (++sent % NOTIFY_CHECKPOINT_EVERY === 0) await checkpoint();
  }
  return sent;
}

/** The message body: the user's tokens (metadata only) and the page to re-create them on. */
export function notificationText(user: ReportUser, accountUrl: string): string {
  const lines = [
    `Hello ${user.Name},`,
    '',
    'Your mailbox has moved to mailpat. Personal access tokens cannot be moved: their secrets',
    'never leave WorkMail. Please create a new token for each of these and put it in the app',
    'that used the old one:',
    '',
    ...user.Tokens.map((token) => {
      const scopes = token.Scopes.length > 0 ? token.Scopes.join(', ') : 'no scopes';
      const expires = token.ExpiresTime ? `, expires ${token.ExpiresTime.slice(0, 10)}` : '';
      return `  - ${token.Name} (${scopes}${expires})`;
    }),
    '',
    `Create them at ${accountUrl}`,
    '',
    'Your password was not moved either: sign in with single sign-on, or ask your administrator',
    'to set one.',
  ];
  return `${lines.join('\n')}\n`;
}
