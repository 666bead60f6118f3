/**
 * The base of every error mailpat sends on the wire in the AWS JSON 1.1 error format.
 * @module
 */

/** Who is at fault: AWS SDKs retry server faults, never client faults. */
export type Fault = 'client' | 'server';

/**
 * An error that knows how it is written on the wire: `__type` is the class's `code`,
 * the HTTP status its `statusCode`. Handlers and storage only throw these; one writer at the
 * edge renders them (see aws-json/write-error.ts).
 */
export abstract class AwsError extends Error {
  /** The bare AWS error code, e.g. `InvalidParameterException`. */
  abstract readonly code: string;
  readonly statusCode: number = 400;
  readonly fault: Fault = 'client';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  override get name(): string {
    return this.code;
  }
}

/** True for errors that render themselves; anything else becomes an InternalFailure. */
export function isAwsError(error: unknown): error is AwsError {
  return error instanceof AwsError;
}
