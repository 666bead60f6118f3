/**
 * Constants of request validation.
 * @module
 */

/** What a `sensitive` member's value is echoed as in a validation message. */
export const SENSITIVE_VALUE_PLACEHOLDER = '***';

/** Echoed values longer than this many characters are cut and end with `...`. */
export const MAX_ECHOED_VALUE_LENGTH = 64;

/**
 * Patterns are only run on strings up to this length (or the shape's max, if larger): a longer
 * value already fails its length constraint, and the cap bounds regex cost on a 1 MiB body.
 */
export const MAX_PATTERN_INPUT_LENGTH = 4096;

/** java.lang.Integer's range: AWS cannot deserialise an `integer` member outside it. */
export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/** A message spells out at most this many violations (and counts the rest). */
export const MAX_REPORTED_VIOLATIONS = 100;
