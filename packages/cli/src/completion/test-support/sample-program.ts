/**
 * Test helper: a small program shaped like `mailpat`, with every kind of option completion reads.
 * @module
 */
import { Argument, Command, Option } from 'commander';

/**
 * `mailpat` with `serve`, a hidden `debug-dump`, and `workmail` whose operations take choices,
 * negatable, hidden, variadic and file options; `--profile` is inherited from `workmail`, and
 * the hidden `--log-level` (which takes a value) from the root.
 */
export function buildSampleProgram(): Command {
  const program = new Command('mailpat')
    .version('1.0.0')
    .addOption(new Option('--log-level <level>', 'log verbosity').hideHelp());
  program
    .command('serve')
    .description('Serve the API')
    .option('--host <host>', 'address to bind')
    .option('--data-dir <dir>', 'where data lives')
    .option('--database <url>', 'database URL');
  program.command('seed').description('Fill a database').option('--tokens <count>', 'how many');
  program.command('debug-dump', { hidden: true }).option('--secret-flag');
  program
    .command('completion')
    .description('Print a completion script')
    .addArgument(new Argument('<shell>', 'bash or zsh').choices(['bash', 'zsh']));
  const workmail = program
    .command('workmail')
    .description('WorkMail operations')
    .option('--profile <name>', 'credentials profile');
  for (const name of ['list-organizations', 'list-personal-access-tokens', 'list-users']) {
    addOperation(workmail, name);
  }
  workmail
    .command('delete-personal-access-token')
    .alias('delete-pat')
    .requiredOption('--organization-id <id>', 'organization')
    .option('--token-id <id>', 'token')
    .option('--tag <tags...>', 'tags, any number')
    .option('--config <file>', 'a config file');
  return program;
}

function addOperation(parent: Command, name: string): void {
  parent
    .command(name)
    .description(`The ${name} operation`)
    .option('--organization-id <id>', 'organization')
    .option('--user-id <id>', 'user')
    .option('--max-items <n>', 'stop after n items')
    .addOption(
      new Option('-o, --output <format>', 'output format').choices(['json', 'text', 'table']),
    )
    .option('--paginate', 'follow NextToken (default)')
    .option('--no-paginate', 'one page only')
    .option('--cli-input-json <value>', 'read the input from JSON')
    .addOption(new Option('--debug-wire', 'print the wire bytes').hideHelp())
    .addOption(new Option('--trace-to <file>').hideHelp());
}

/** The options offered after `mailpat workmail list-users` in the sample program, sorted. */
export const LIST_USERS_OPTIONS = [
  '--cli-input-json',
  '--help',
  '--max-items',
  '--no-paginate',
  '--organization-id',
  '--output',
  '--paginate',
  '--profile',
  '--user-id',
  '--version',
];
