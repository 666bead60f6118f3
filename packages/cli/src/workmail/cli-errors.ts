/**
 * The failures `mailpat workmail` reports itself, each with the exit code aws CLI v2 uses
 * (https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-returncodes.html).
 * @module
 */

/** Exit codes of aws CLI v2, which `mailpat workmail` keeps so scripts can test them. */
export const EXIT_CODES = {
  success: 0,
  /** The command line could not be parsed or a value is invalid. */
  usage: 252,
  /** The environment or configuration is invalid: no credentials, unknown profile. */
  configuration: 253,
  /** The service answered with an error. */
  service: 254,
  /** The endpoint could not be reached, or any other failure. */
  other: 255,
} as const;

/** A bad command line: missing, unknown or malformed option. Printed as `mailpat: error: ...`. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
  readonly exitCode = EXIT_CODES.usage;
}

/** The endpoint did not answer (refused, reset, DNS, timeout). */
export class EndpointConnectionError extends Error {
  override readonly name = 'EndpointConnectionError';
  readonly exitCode = EXIT_CODES.other;
  constructor(
    readonly endpointUrl: string,
    options?: ErrorOptions,
  ) {
    super(`Could not connect to the endpoint URL: "${endpointUrl}"`, options);
  }
}

/** Credentials or a named profile could not be found (aws CLI v2 exits 253 for these). */
export class CliConfigurationError extends Error {
  override readonly name = 'CliConfigurationError';
  readonly exitCode = EXIT_CODES.configuration;
}
