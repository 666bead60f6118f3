/**
 * The aws CLI's global options that `mailpat workmail` understands; they may be given
 * before or after the operation name, as with `aws`.
 * @module
 */
import { Option } from 'commander';
import type { Command } from 'commander';

/** The global options after parsing (`undefined` when not given). */
export interface GlobalOptions {
  output?: string;
  query?: string;
  endpointUrl?: string;
  region?: string;
  profile?: string;
  color?: string;
  /** False with `--no-paginate`. */
  paginate: boolean;
  cliReadTimeout?: string;
  cliConnectTimeout?: string;
}

/** The output formats; aws CLI v2's yaml formats are not offered. */
export const OUTPUT_FORMATS = ['json', 'text', 'table'] as const;

/** Adds the global options to the `workmail` command. */
export function addGlobalOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--output <format>', 'the formatting style for command output').choices(
        OUTPUT_FORMATS,
      ),
    )
    .option('--query <expression>', 'a JMESPath query to use in filtering the response data')
    .option(
      '--endpoint-url <url>',
      'the mailpat server URL (default: MAILPAT_ENDPOINT_URL, then http://127.0.0.1:8080)',
    )
    .option('--region <region>', 'the region to sign requests for')
    .option('--profile <name>', 'use a specific profile from your credential file')
    .addOption(
      new Option('--color <when>', 'turn on/off color output').choices(['on', 'off', 'auto']),
    )
    .option('--no-paginate', 'make one call only, instead of paging through every result')
    .option('--cli-read-timeout <seconds>', 'the maximum socket read time in seconds (0: none)')
    .option('--cli-connect-timeout <seconds>', 'the maximum socket connect time in seconds')
    .addOption(new Option('--no-cli-pager', 'accepted for aws CLI v2 scripts; never pages'));
}
