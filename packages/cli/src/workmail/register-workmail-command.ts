/**
 * `mailpat workmail <command>`: the aws CLI's `aws workmail` for a mailpat server, one
 * subcommand per served operation, built on @mailpat/client.
 * @module
 */
import type { Command } from 'commander';
import type { CommandIo } from '../command-io.js';
import { CliUsageError } from './cli-errors.js';
import { toCliUsageError } from './commander-usage-error.js';
import { addGlobalOptions } from './global-options.js';
import { CLI_OPERATIONS } from './model/cli-operations.js';
import { createOperationCommand } from './operation-command.js';
import { describeFailure } from './report-failure.js';

/** Adds `workmail` and its subcommands to the program. */
export function registerWorkmailCommand(
  program: Command,
  io: CommandIo,
  setExitCode: (code: number) => void,
): void {
  const workmail = addGlobalOptions(
    program
      .command('workmail')
      .description('Manage organizations, users and personal access tokens, as `aws workmail`')
      .usage('[options] <command> [parameters]')
      .allowExcessArguments(true),
  );
  workmail.action((_options, self: Command) => {
    const [name] = self.args;
    const choices = CLI_OPERATIONS.map((operation) => operation.commandName).join(' | ');
    throw new CliUsageError(
      name === undefined
        ? 'the following arguments are required: command'
        : `argument command: Invalid choice '${name}', valid choices are: ${choices}`,
    );
  });
  for (const operation of CLI_OPERATIONS) {
    const command = createOperationCommand(operation, async (_options, self) => {
      // Loaded on use: completion and --help need only the command tree, not the client.
      const { runOperation } = await import('./run-operation.js');
      setExitCode(await runOperation(operation, self, io));
    });
    workmail.addCommand(command);
  }
  for (const command of [workmail, ...workmail.commands]) {
    command
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        // Parse errors are reported once, in the aws CLI's words, by reportWorkmailUsageError.
        outputError: () => undefined,
      })
      .exitOverride((error) => {
        throw error.exitCode === 0 ? error : toCliUsageError(error);
      });
  }
}

/** Prints a usage error of `mailpat workmail` and returns its exit code; else undefined. */
export function reportWorkmailUsageError(error: unknown, io: CommandIo): number | undefined {
  if (!(error instanceof CliUsageError)) return undefined;
  const report = describeFailure(error, {});
  io.stderr.write(report.stderr);
  return report.exitCode;
}
