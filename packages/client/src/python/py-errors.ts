/**
 * Python exception kinds that botocore's paginator raises or catches, kept distinct so the
 * `except (ValueError, TypeError)` fallbacks in `paginate.py` catch exactly what Python would.
 * @module
 */
import { WorkMailClientError } from '../errors/workmail-client-error.js';

/** Python's `ValueError` (also `binascii.Error`, `UnicodeError`, `JSONDecodeError`). */
export class PyValueError extends WorkMailClientError {
  override readonly name = 'ValueError';
}

/** Python's `AttributeError`: botocore does not catch it, so neither do we. */
export class PyAttributeError extends WorkMailClientError {
  override readonly name = 'AttributeError';
}

/** Python's `OverflowError`, raised by `int(float('inf'))`. */
export class PyOverflowError extends WorkMailClientError {
  override readonly name = 'OverflowError';
}

/** Whether `error` is one Python's `except (ValueError, TypeError)` would catch. */
export function isValueOrTypeError(error: unknown): boolean {
  return error instanceof PyValueError || error instanceof TypeError;
}
