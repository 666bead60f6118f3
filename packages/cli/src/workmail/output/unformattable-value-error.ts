/**
 * The error for values on which the aws CLI's own formatter crashes.
 * @module
 */

/**
 * The aws CLI formatter raises a Python exception on this value (for example a list mixing dicts
 * and scalars under `--output table`); aws then prints nothing on stdout, writes "\n<python
 * message>\n" on stderr and exits with 255. The Python message itself is not reproduced.
 */
export class UnformattableValueError extends Error {
  override readonly name = 'UnformattableValueError';
}
