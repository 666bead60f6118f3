/**
 * Turns any failure of `mailpat workmail` into the stderr text and exit code aws CLI v2
 * gives for it; never a stack trace.
 * @module
 */
import {
  isNetworkError,
  isPaginationError,
  isTimeoutError,
  isWorkMailServiceException,
} from '@mailpat/client';
import { CliConfigurationError, CliUsageError, EXIT_CODES } from './cli-errors.js';

/** What the user sees, and the code the process exits with. */
export interface FailureReport {
  stderr: string;
  exitCode: number;
}

/** The usage block aws prints above a usage error, in mailpat's words. */
const USAGE =
  'usage: mailpat workmail <command> [parameters]\n' +
  'To see help text, you can run:\n\n' +
  '  mailpat workmail --help\n' +
  '  mailpat workmail <command> --help\n\n';

/** Describes `error`, raised while running `operationName` against `endpointUrl`. */
export function describeFailure(
  error: unknown,
  context: { operationName?: string; endpointUrl?: string },
): FailureReport {
  if (error instanceof CliUsageError) {
    return { stderr: `${USAGE}mailpat: error: ${error.message}\n`, exitCode: error.exitCode };
  }
  if (error instanceof CliConfigurationError) {
    return { stderr: `\n${error.message}\n`, exitCode: error.exitCode };
  }
  if (isWorkMailServiceException(error)) {
    const operation = context.operationName ?? 'unknown';
    return {
      stderr: `\nAn error occurred (${error.name}) when calling the ${operation} operation: ${error.message}\n`,
      exitCode: EXIT_CODES.service,
    };
  }
  const url = context.endpointUrl === undefined ? '' : new URL(context.endpointUrl).href;
  if (isNetworkError(error)) {
    return {
      stderr: `\nCould not connect to the endpoint URL: "${url}"\n`,
      exitCode: EXIT_CODES.other,
    };
  }
  if (isTimeoutError(error)) {
    return { stderr: `\nRead timeout on endpoint URL: "${url}"\n`, exitCode: EXIT_CODES.other };
  }
  if (isPaginationError(error)) {
    return { stderr: `\nError during pagination: ${error.detail}\n`, exitCode: EXIT_CODES.other };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { stderr: `\n${message}\n`, exitCode: EXIT_CODES.other };
}
