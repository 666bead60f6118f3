/**
 * A Python built-in exception the aws CLI lets escape unwrapped (`int('x')` gives a bare
 * ValueError message); its class matters because aws catches some of them by class.
 * @module
 */

/** The Python exception classes the ported code raises. */
export type PythonErrorClass =
  'ValueError' | 'TypeError' | 'IndexError' | 'AttributeError' | 'RecursionError';

/** An exception aws's Python code would raise; `message` is `str(exception)`. */
export class PythonError extends Error {
  override readonly name = 'PythonError';
  constructor(
    readonly pythonClass: PythonErrorClass,
    message: string,
  ) {
    super(message);
  }
}
