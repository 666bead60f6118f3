/**
 * The `mailpat` command line: parses argv and runs one command. The bin only calls this.
 * @module
 */
import {
  registerCompletionCommand,
  registerWorkmailCommand,
  reportWorkmailUsageError,
} from '@mailpat/cli';
import { Command, CommanderError } from 'commander';
import { registerSeedCommand } from './seed-command.js';
import { registerServeCommand } from './serve-command.js';
import type { CliIo } from './cli-io.js';
import { processIo } from './cli-io.js';

/**
 * Runs `mailpat <command> ...` and resolves to the process exit code.
 * @example await run(['serve', '--port', '0'])
 */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = new Command('mailpat')
    .description('Self-hosted, WorkMail-compatible personal access tokens')
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
  registerWorkmailCommand(program, io, setExitCode);
  registerCompletionCommand(program, io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    const workmailExit = reportWorkmailUsageError(error, io);
    if (workmailExit !== undefined) return workmailExit;
    if (error instanceof CommanderError) {
      // --help and --version exit 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    io.stderr.write(`mailpat: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
