/**
 * commander's parse errors reworded as aws CLI v2's argparse errors, so a script that
 * matches on `Unknown options:` or `expected one argument` keeps working.
 * @module
 */
import type { CommanderError } from 'commander';
import { CliUsageError } from './cli-errors.js';

const quoted = (message: string) => /'([^']*)'/.exec(message)?.[1] ?? '';
const optionName = (flags: string) => flags.split(/[ ,]/).find((part) => part.startsWith('--'));

/** The CliUsageError for a commander parse error. */
export function toCliUsageError(error: CommanderError): CliUsageError {
  const message = error.message.replace(/^error: /, '');
  switch (error.code) {
    case 'commander.unknownOption':
      return new CliUsageError(`Unknown options: ${quoted(message)}`, { cause: error });
    case 'commander.optionMissingArgument':
      return new CliUsageError(`argument ${optionName(quoted(message))}: expected one argument`, {
        cause: error,
      });
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(message)?.[1];
      const name = optionName(quoted(message)) ?? 'value';
      return new CliUsageError(
        choices === undefined
          ? `argument ${name}: ${message}`
          : `argument ${name}: Invalid choice, valid choices are: ${choices.split(', ').join(' | ')}`,
        { cause: error },
      );
    }
    default:
      return new CliUsageError(message, { cause: error });
  }
}
