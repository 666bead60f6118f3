/**
 * awscli.argprocess.ParamError: a value that cannot be used, reported with its option.
 * @module
 */
import { CliUsageError } from '../cli-errors.js';

/** "Error parsing parameter '<cliName>': <message>", as aws prints a ParamError. */
export function paramError(cliName: string, message: string): CliUsageError {
  return new CliUsageError(`Error parsing parameter '${cliName}': ${message}`);
}
