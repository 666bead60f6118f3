/**
 * The Python exceptions the emulation raises, kept distinct so an `except ValueError` (botocore's
 * `except (ValueError, TypeError)` fallbacks in `paginate.py`, the aws CLI's handlers) catches
 * exactly what Python would. Each class's `name` is the Python class name; `message` is
 * `str(exception)`.
 * @module
 */
import { WorkMailClientError } from '../errors/workmail-client-error.js';

/** The base of the Python exceptions below but TypeError, which is a built-in TypeError. */
export class PyError extends WorkMailClientError {}

/** Python's `ValueError` (also `binascii.Error`, `UnicodeError`, `JSONDecodeError`). */
export class PyValueError extends PyError {
  override readonly name = 'ValueError';
}

/** Python's `AttributeError`: botocore does not catch it, so neither do we. */
export class PyAttributeError extends PyError {
  override readonly name = 'AttributeError';
}

/** Python's `OverflowError`, raised by `int(float('inf'))`. */
export class PyOverflowError extends PyError {
  override readonly name = 'OverflowError';
}

/** Python's `IndexError`. */
export class PyIndexError extends PyError {
  override readonly name = 'IndexError';
}

/** Python's `RecursionError`, which `json.loads` raises on deep nesting. */
export class PyRecursionError extends PyError {
  override readonly name = 'RecursionError';
}

/**
 * Python's `TypeError`: a built-in TypeError, as JavaScript code that catches one expects. Its
 * `name` is TypeError.prototype's, so it equals a plain `new TypeError(message)`.
 */
export class PyTypeError extends TypeError {}

/** Whether `error` is a Python exception the emulation raised (its `name` is the class). */
export function isPyError(error: unknown): error is PyError | PyTypeError {
  return error instanceof PyError || error instanceof PyTypeError;
}

/** Whether `error` is one Python's `except (ValueError, TypeError)` would catch. */
export function isValueOrTypeError(error: unknown): boolean {
  return error instanceof PyValueError || error instanceof TypeError;
}
