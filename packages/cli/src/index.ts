/**
 * The aws-compatible `mailpat workmail` commands, `mailpat import-workmail` and `mailpat completion`, for the program that
 * registers them (the `mailpat` binary of @mailpat/server).
 * @module
 */
export type { CommandIo } from './command-io.js';
export { registerCompletionCommand } from './completion/completion-command.js';
export { registerImportWorkmailCommand } from './import-workmail/register-import-workmail-command.js';
export type {
  ImportServices,
  Notification,
  NotificationSender,
} from './import-workmail/notification-sender.js';
export {
  registerWorkmailCommand,
  reportWorkmailUsageError,
} from './workmail/register-workmail-command.js';
