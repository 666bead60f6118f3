/**
 * How `--notify-users` sends mail: the program that registers the command provides a sender
 * (the `mailpat` binary's goes through MAILPAT_SMTP_URL), so this package needs no mail library.
 * @module
 */

/** One plain-text message to one recipient. */
export interface Notification {
  to: string;
  subject: string;
  text: string;
}

/** Sends notifications; `close` ends its connections. */
export interface NotificationSender {
  send(notification: Notification): Promise<void>;
  close(): void;
}

/** What the registering program provides to `import-workmail`. */
export interface ImportServices {
  /** The sender configured in `env`, or undefined when no relay is configured. */
  createNotificationSender?(
    env: NodeJS.ProcessEnv,
  ): Promise<NotificationSender | undefined> | NotificationSender | undefined;
}
