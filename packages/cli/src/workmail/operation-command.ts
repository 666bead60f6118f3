/**
 * One `mailpat workmail <command>`: its options, spelled and documented as the aws CLI
 * spells them for the operation's input members, plus the paging and input-file options.
 * @module
 */
import { Command, Option } from 'commander';
import type { CliOperation, CliParameter } from './model/cli-operations.js';
import { describeValueSyntax } from './model/value-syntax.js';
import { parseCliInteger } from './parse-cli-integer.js';

/** The options of a paginated command that drive the paginator, not the request. */
export const PAGING_OPTIONS = ['--starting-token', '--page-size', '--max-items'] as const;

/** Creates the command; `action` runs with the parsed options when it is invoked. */
export function createOperationCommand(
  operation: CliOperation,
  action: (options: Record<string, unknown>, command: Command) => Promise<void>,
): Command {
  const command = new Command(operation.commandName)
    .description(operation.documentation)
    .allowExcessArguments(true)
    .action(async (options: Record<string, unknown>, self: Command) => action(options, self));
  for (const parameter of operation.parameters) {
    for (const option of optionsOf(parameter, operation.paginated)) command.addOption(option);
  }
  if (operation.paginated) addPagingOptions(command);
  command
    .option(
      '--cli-input-json <json>',
      'read the arguments from a JSON string or file://path, in the API member names; options ' +
        'given on the command line take precedence',
    )
    .addOption(
      new Option(
        '--generate-cli-skeleton [type]',
        'print a JSON skeleton of the input for --cli-input-json and exit',
      ).choices(['input']),
    );
  return command;
}

function optionsOf(parameter: CliParameter, paginated: boolean): Option[] {
  const documentation = `${parameter.required ? '(required) ' : ''}${parameter.documentation}`;
  const hidden = paginated && parameter.pagingMember;
  if (parameter.shape.type === 'boolean') {
    const negated = `--no-${parameter.optionName.slice(2)}`;
    return [
      new Option(parameter.optionName, documentation).hideHelp(hidden),
      new Option(negated, `the opposite of ${parameter.optionName}`).hideHelp(hidden),
    ];
  }
  const syntax = describeValueSyntax(parameter.shape);
  const flags =
    parameter.shape.type === 'list'
      ? `${parameter.optionName} <${syntax.replace(/ \.\.\.$/, '')}...>`
      : `${parameter.optionName} <${syntax}>`;
  return [new Option(flags, documentation).hideHelp(hidden)];
}

function addPagingOptions(command: Command): void {
  const integer = (name: string) => (value: string) => parseCliInteger(name, value);
  command
    .option(
      '--starting-token <string>',
      'where to start paginating: the NextToken of a previously truncated response',
    )
    .option(
      '--page-size <integer>',
      'the size of each page to get from the service; does not change the items printed',
      integer('--page-size'),
    )
    .option(
      '--max-items <integer>',
      'the total number of items to print; when more exist, a NextToken to resume from is printed',
      integer('--max-items'),
    );
}
