/**
 * `mailpat import-workmail`: copies a WorkMail organization (alias, domains, users, PAT policy)
 * from any WorkMail endpoint into mailpat, and reports the tokens each user must re-create.
 * @module
 */
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import type { CommandIo } from '../command-io.js';
import { ON_CONFLICT_CHOICES } from './import-options.js';
import type { ImportOptions } from './import-options.js';
import type { ImportServices } from './notification-sender.js';
import { DEFAULT_CONCURRENCY } from './read-snapshot-parts.js';

/**
 * Adds `import-workmail` to the program.
 * @example mailpat import-workmail --organization-id m-... --source-region eu-west-1 --report r.json
 */
export function registerImportWorkmailCommand(
  program: Command,
  io: CommandIo,
  setExitCode: (code: number) => void,
  services: ImportServices = {},
): void {
  program
    .command('import-workmail')
    .description(
      'copy an organization (alias, domains, users, PAT policy) from WorkMail into mailpat',
    )
    .requiredOption('--organization-id <id>', 'the organization to copy, in the source')
    .option('--source-region <region>', 'read from WorkMail in this region')
    .option(
      '--source-endpoint-url <url>',
      'read from this WorkMail endpoint (e.g. another mailpat)',
    )
    .option('--source-profile <name>', 'the AWS profile with the source credentials')
    .option('--endpoint-url <url>', 'the target mailpat (as `mailpat workmail --endpoint-url`)')
    .option('--profile <name>', 'the profile with the target credentials')
    .option('--region <region>', 'the region to sign the target requests for')
    .option('--dry-run', 'print the plan and write nothing')
    .option('--report <file>', 'write the report (users, old and new IDs, tokens) as JSON')
    .addOption(
      new Option('--on-conflict <action>', 'what a conflicting user does to the import')
        .choices(ON_CONFLICT_CHOICES)
        .default('stop'),
    )
    .option('--notify-users', 'mail each user the tokens to re-create (needs MAILPAT_SMTP_URL)')
    .addOption(
      new Option('--concurrency <n>', 'requests in flight per side')
        .argParser(parseConcurrency)
        .default(DEFAULT_CONCURRENCY),
    )
    .action(async (options: ImportOptions) => {
      // Loaded on use: --help and completion need only the command tree.
      const { runImportWorkmail } = await import('./run-import-workmail.js');
      setExitCode(await runImportWorkmail(options, io, services));
    });
}

function parseConcurrency(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 64) {
    throw new InvalidArgumentError('expected an integer from 1 to 64');
  }
  return value;
}
