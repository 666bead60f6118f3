/**
 * The base class of every error the client throws: service errors, transport errors, pagination
 * and credential errors alike (as ky's `KyError` is for ky).
 * @module
 */

/**
 * Any error thrown by `@mailpat/client`. Subclasses set `name`; `catch (e) { if (e instanceof
 * WorkMailClientError) ... }` separates the client's errors from a bug in the caller's code.
 * Argument errors of the configuration (`TypeError`, `RangeError`) stay the built-in classes.
 */
export class WorkMailClientError extends Error {
  override readonly name: string = 'WorkMailClientError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
