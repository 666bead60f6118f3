/**
 * Runs one `mailpat workmail <command>`: build the input, resolve where and how to send
 * it, call the operation once or page through it with @mailpat/client's botocore-exact
 * paginator, and print the result.
 * @module
 */
import type { Command } from 'commander';
import { getPaginator, WorkMailClient } from '@mailpat/client';
import type { PageIterator, PaginatedOperationName, PaginationConfig } from '@mailpat/client';
import type { CommandIo } from '../command-io.js';
import { buildInput } from './build-input.js';
import { CliUsageError, EXIT_CODES } from './cli-errors.js';
import { resolveCliConfig } from './config/resolve-cli-config.js';
import { generateInputSkeleton } from './generate-input-skeleton.js';
import type { GlobalOptions } from './global-options.js';
import type { CliOperation } from './model/cli-operations.js';
import { PAGING_OPTIONS } from './operation-command.js';
import { parseCliSeconds } from './parse-cli-seconds.js';
import { resolveOutputSettings } from './render/output-settings.js';
import { renderResponse } from './render/render-response.js';
import type { CliResponse } from './render/render-response.js';
import { describeFailure } from './report-failure.js';

/** aws CLI v2's default socket read timeout. */
const DEFAULT_READ_TIMEOUT_SECONDS = 60;
/** Operations whose response carries a secret the service will never show again. */
const SHOWS_SECRET_ONCE = new Set(['CreatePersonalAccessToken', 'RotatePersonalAccessToken']);

/** Runs `operation` as `command` was invoked; resolves to the exit code. */
export async function runOperation(
  operation: CliOperation,
  command: Command,
  io: CommandIo,
): Promise<number> {
  let endpointUrl: string | undefined;
  try {
    if (rejectOrShowHelp(command, io)) return EXIT_CODES.success;
    const options = command.opts<Record<string, unknown>>();
    if (options.generateCliSkeleton !== undefined) {
      io.stdout.write(generateInputSkeleton(operation));
      return EXIT_CODES.success;
    }
    const globals = command.optsWithGlobals<GlobalOptions>();
    const { input, manualPaging } = buildInput(operation, command);
    const paging = pagingConfig(operation, options, globals.paginate && !manualPaging);
    const config = await resolveCliConfig(globals, io.env);
    endpointUrl = config.endpointUrl;
    const settings = resolveOutputSettings({
      output: globals.output,
      query: globals.query,
      color: globals.color,
      profileOutput: config.output,
      profileTimestampFormat: config.timestampFormat,
      env: io.env,
      stdout: io.stdout as { isTTY?: boolean; columns?: number },
    });
    const client = new WorkMailClient({
      endpoint: endpointUrl,
      region: config.region,
      credentials: config.credentials,
      maxAttempts: config.maxAttempts,
      timeoutMs:
        parseCliSeconds(
          '--cli-read-timeout',
          globals.cliReadTimeout,
          DEFAULT_READ_TIMEOUT_SECONDS,
        ) * 1000,
    });
    const response: CliResponse = paging
      ? { kind: 'paginated', pages: paginate(client, operation, input, paging) }
      : { kind: 'single', output: await client.send(operation.operationName, input as never) };
    await renderResponse(operation.operationName, response, settings, (text) =>
      io.stdout.write(text),
    );
    if (SHOWS_SECRET_ONCE.has(operation.operationName)) {
      io.stderr.write(
        'Note: the Token above is shown only once. mailpat keeps only its hash and cannot show ' +
          'it again; store it now.\n',
      );
    }
    return EXIT_CODES.success;
  } catch (error) {
    const report = describeFailure(error, { operationName: operation.operationName, endpointUrl });
    io.stderr.write(report.stderr);
    return report.exitCode;
  }
}

/** `mailpat workmail <command> help` shows the help, as `aws ... help` does; other words fail. */
function rejectOrShowHelp(command: Command, io: CommandIo): boolean {
  if (command.args.length === 1 && command.args[0] === 'help') {
    io.stdout.write(command.helpInformation());
    return true;
  }
  if (command.args.length > 0) {
    throw new CliUsageError(`Unknown options: ${command.args.join(', ')}`);
  }
  return false;
}

/** The PaginationConfig when the command pages automatically, else undefined. */
function pagingConfig(
  operation: CliOperation,
  options: Record<string, unknown>,
  paginate: boolean,
): PaginationConfig | undefined {
  if (!operation.paginated) return undefined;
  const given = PAGING_OPTIONS.filter((name) => options[camelCase(name)] !== undefined);
  if (!paginate) {
    if (given.length > 0) {
      throw new CliUsageError(
        `Cannot specify --no-paginate along with pagination arguments: ${given.join(', ')}`,
      );
    }
    return undefined;
  }
  return {
    MaxItems: options.maxItems as number | undefined,
    PageSize: options.pageSize as number | undefined,
    StartingToken: options.startingToken as string | undefined,
  };
}

function paginate(
  client: WorkMailClient,
  operation: CliOperation,
  input: Record<string, unknown>,
  PaginationConfig: PaginationConfig,
): PageIterator<object, object> {
  const paginator = getPaginator(client, operation.operationName as PaginatedOperationName);
  return paginator.paginate({ ...input, PaginationConfig } as never) as PageIterator<
    object,
    object
  >;
}

function camelCase(optionName: string): string {
  return optionName.slice(2).replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
