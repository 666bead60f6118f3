/**
 * Python's `int(x)` and `float(x)` (CPython 3.11), which botocore applies to `MaxItems`,
 * `PageSize` and legacy starting tokens and the aws CLI to integer and float members: the same
 * accepted spellings (underscores, Unicode digits and spaces, inf/nan) and the same errors.
 * @module
 */
import { PyOverflowError, PyTypeError, PyValueError } from './py-errors.js';
import { pyRepr } from './py-repr.js';
import { pyTypeName } from './py-types.js';
import { isPySpace } from './py-whitespace.js';

// CPython 3.11 refuses longer decimal strings (sys.get_int_max_str_digits()).
const MAX_INT_DIGITS = 4300;
const INT_PREFIX = /^[ \t\n\v\f\r]*([+-]?)([0-9](?:_?[0-9])*)/;
const ASCII_SPACE = /^[ \t\n\v\f\r]*$/;
const FLOAT_BODY =
  /^[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf|infinity|nan)$/i;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/** The digit a Unicode decimal character stands for: Nd characters come in runs of ten from 0. */
function decimalValue(code: number): number {
  let start = code;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return (code - start) % 10;
}

/**
 * CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII spaces become ' ' and non-ASCII
 * decimal digits their ASCII digit; any other non-ASCII character makes the text invalid ('?').
 */
function toAsciiNumber(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) out += char;
    else if (isPySpace(char)) out += ' ';
    else if (DECIMAL_DIGIT.test(char)) out += String(decimalValue(code));
    else return `${out}?`;
  }
  return out;
}

function asciiOf(value: string | Uint8Array): string {
  if (typeof value === 'string') return toAsciiNumber(value);
  return Array.from(value, (code) => (code < 0x80 ? String.fromCharCode(code) : '?')).join('');
}

function parseIntText(value: string | Uint8Array): number {
  const ascii = asciiOf(value);
  // CPython formats the message with %.200R: the repr cut at 200 characters.
  const shown = [...pyRepr(value)].slice(0, 200).join('');
  const invalid = () => new PyValueError(`invalid literal for int() with base 10: ${shown}`);
  const match = INT_PREFIX.exec(ascii);
  if (!match) throw invalid();
  const rest = ascii.slice(match[0].length);
  if (rest.startsWith('_')) throw invalid();
  const digits = (match[2] as string).replaceAll('_', '');
  // PyLong_FromString checks the digit limit before it looks at what follows the digits.
  if (digits.length > MAX_INT_DIGITS) {
    throw new PyValueError(
      `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion: value has ` +
        `${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  if (!ASCII_SPACE.test(rest)) throw invalid();
  // Python ints have no negative zero.
  return Number(`${match[1]}${digits}`) + 0;
}

/** Python's `int(value)` in base 10; a precision beyond 2^53 is lost, as JavaScript numbers do. */
export function pyInt(value: unknown): number {
  if (typeof value === 'string' || value instanceof Uint8Array) return parseIntText(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new PyValueError('cannot convert float NaN to integer');
    if (!Number.isFinite(value)) {
      throw new PyOverflowError('cannot convert float infinity to integer');
    }
    return Math.trunc(value) + 0;
  }
  throw new PyTypeError(
    'int() argument must be a string, a bytes-like object or a real number, ' +
      `not '${pyTypeName(value)}'`,
  );
}

/** Underscores only between two digits (PEP 515; _Py_string_to_number_with_underscores). */
function hasValidUnderscores(ascii: string): boolean {
  return !/(?:^|[^0-9])_|_(?:$|[^0-9])/.test(ascii);
}

function parseFloatText(value: string | Uint8Array): number {
  const ascii = asciiOf(value);
  const body = ascii.replace(/^[ \t\n\v\f\r]+/, '').replace(/[ \t\n\v\f\r]+$/, '');
  const plain = body.replaceAll('_', '');
  if (!hasValidUnderscores(ascii) || !FLOAT_BODY.test(plain)) {
    throw new PyValueError(`could not convert string to float: ${pyRepr(value)}`);
  }
  const negative = plain.startsWith('-');
  const word = plain.replace(/^[+-]/, '').toLowerCase();
  if (word === 'nan') return NaN;
  if (word === 'inf' || word === 'infinity') return negative ? -Infinity : Infinity;
  return Number(plain);
}

/** Python's `float(value)`. */
export function pyFloat(value: unknown): number {
  if (typeof value === 'string' || value instanceof Uint8Array) return parseFloatText(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'bigint') return Number(value);
  throw new PyTypeError(
    `float() argument must be a string or a real number, not '${pyTypeName(value)}'`,
  );
}
