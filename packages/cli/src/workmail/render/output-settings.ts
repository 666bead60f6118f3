/**
 * How to print: format, `--query`, colors and width, timestamp style; resolved from the
 * options, the environment and the profile before any request is sent, so a bad `--output` or
 * `--query` fails without touching the service.
 * @module
 */
import { compileExpression, searchExpression } from '@mailpat/client';
import type { CompiledExpression } from '@mailpat/client';
import { CliUsageError } from '../cli-errors.js';
import { OUTPUT_FORMATS } from '../global-options.js';
import type { TimestampFormat } from './to-printable.js';

/** `--output` values. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Everything renderResponse needs. */
export interface OutputSettings {
  format: OutputFormat;
  /** `--query` as a function; the identity without one. */
  query: (value: unknown) => unknown;
  color: boolean;
  tableWidth: number;
  timestampFormat: TimestampFormat;
}

/** The raw sources of the settings, most important first within each field. */
export interface OutputSources {
  output?: string;
  query?: string;
  color?: string;
  profileOutput?: string;
  profileTimestampFormat: string;
  env: NodeJS.ProcessEnv;
  stdout: { isTTY?: boolean; columns?: number };
}

/** Validates and combines the sources. */
export function resolveOutputSettings(sources: OutputSources): OutputSettings {
  const format =
    sources.output ?? sources.env.AWS_DEFAULT_OUTPUT ?? sources.profileOutput ?? 'json';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new CliUsageError(
      `argument --output: Invalid choice, valid choices are: ${OUTPUT_FORMATS.join(' | ')}`,
    );
  }
  const timestampFormat = sources.profileTimestampFormat;
  if (!['iso8601', 'wire', 'none'].includes(timestampFormat)) {
    throw new CliUsageError(
      `Invalid cli_timestamp_format: ${timestampFormat}; use iso8601 or wire`,
    );
  }
  return {
    format: format as OutputFormat,
    query: compileQuery(sources.query),
    color: sources.color === 'on' || (sources.color !== 'off' && sources.stdout.isTTY === true),
    tableWidth: terminalWidth(sources),
    timestampFormat: timestampFormat as TimestampFormat,
  };
}

function compileQuery(expression: string | undefined): (value: unknown) => unknown {
  if (expression === undefined) return (value) => value;
  let compiled: CompiledExpression;
  try {
    // The client's JMESPath, which reads expressions as jmespath.py (the aws CLI's) does.
    compiled = compileExpression(expression);
  } catch {
    throw new CliUsageError(`argument --query: Bad value for --query: ${expression}`);
  }
  return (value) => searchExpression(compiled, value);
}

/** aws asks the terminal on stdout (ignoring COLUMNS) and falls back to 80 for pipes and files. */
function terminalWidth(sources: OutputSources): number {
  return sources.stdout.isTTY === true ? (sources.stdout.columns ?? 80) : 80;
}
