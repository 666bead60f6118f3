/**
 * botocore's `PaginationError`, with its message format.
 * @module
 */

import { WorkMailClientError } from '../errors/workmail-client-error.js';

/** Raised when pagination cannot continue; `message` reads exactly as botocore's. */
export class PaginationError extends WorkMailClientError {
  override readonly name = 'PaginationError';

  /** The detail botocore formats into `Error during pagination: {message}`. */
  readonly detail: string;

  constructor(detail: string) {
    super(`Error during pagination: ${detail}`);
    this.detail = detail;
  }
}

/** Whether `error` is a {@link PaginationError}, also across package copies (matches on `name`). */
export function isPaginationError(error: unknown): error is PaginationError {
  return (
    error instanceof PaginationError || (error instanceof Error && error.name === 'PaginationError')
  );
}
