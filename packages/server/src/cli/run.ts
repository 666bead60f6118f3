/**
 * The `mailpat` command line: parses argv and runs one command. The bin only calls this.
 * @module
 */
import { Command, CommanderError } from 'commander';
import { registerBackupCommands } from './backup-commands.js';
import { registerMigrateCommand } from './migrate-command.js';
import { registerSeedCommand } from './seed-command.js';
import { registerServeCommand } from './serve-command.js';
import type { CliIo } from './cli-io.js';
import { processIo } from './cli-io.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import { MAILPAT_VERSION } from '../package-version.js';

/**
 * The commands that do not need the aws-compatible CLI: `serve` runs for months, and loading
 * `workmail` (the whole @mailpat/client with it) would keep about 20 MiB resident for nothing.
 */
const SERVER_COMMANDS: ReadonlySet<string> = new Set([
  'serve',
  'seed',
  'backup',
  'restore',
  'migrate',
]);

/**
 * Runs `mailpat <command> ...` and resolves to the process exit code.
 * @example await run(['serve', '--port', '0'])
 */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = new Command('mailpat')
    .description('Self-hosted, WorkMail-compatible personal access tokens')
    .version(`mailpat ${MAILPAT_VERSION}`, '-V, --version', 'print the version and exit')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  registerServeCommand(program, io, setExitCode);
  registerSeedCommand(program, io, setExitCode);
  registerBackupCommands(program, io, setExitCode);
  registerMigrateCommand(program, io, setExitCode);
  // Help and completion list every command, so anything but a server command loads them all.
  const cli = SERVER_COMMANDS.has(argv[0] ?? '') ? undefined : await import('@mailpat/cli');
  cli?.registerWorkmailCommand(program, io, setExitCode);
  cli?.registerImportWorkmailCommand(program, io, setExitCode, {
    // Loaded on use: the relay settings and nodemailer only for --notify-users.
    createNotificationSender: async (env) =>
      (await import('../mail/import-notification-sender.js')).createImportNotificationSender(env),
  });
  cli?.registerCompletionCommand(program, io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    const workmailExit = cli?.reportWorkmailUsageError(error, io);
    if (workmailExit !== undefined) return workmailExit;
    if (error instanceof CommanderError) {
      // --help and --version exit 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    // A driver's message may quote the database URL it could not use: never its password.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`mailpat: ${scrubSecrets(message)}\n`);
    return 1;
  }
}
