/**
 * Python's `int(value)` and `float(value)`, which aws applies to integer and float members:
 * the same accepted spellings (underscores, Unicode digits, inf/nan) and the same error messages.
 * @module
 */
import { PythonError } from './python-error.js';
import { pyRepr } from '@mailpat/client/python';
import { isBytes, pythonTypeName } from './python-value.js';
import type { PythonValue } from './python-value.js';
import { isPythonSpace } from './python-whitespace.js';

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
    else if (isPythonSpace(char)) out += ' ';
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
  const invalid = () =>
    new PythonError('ValueError', `invalid literal for int() with base 10: ${pyRepr(value)}`);
  const match = INT_PREFIX.exec(ascii);
  if (!match) throw invalid();
  const rest = ascii.slice(match[0].length);
  if (rest.startsWith('_')) throw invalid();
  const digits = (match[2] as string).replaceAll('_', '');
  if (digits.length > MAX_INT_DIGITS) {
    throw new PythonError(
      'ValueError',
      `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion: value has ` +
        `${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  if (!ASCII_SPACE.test(rest)) throw invalid();
  // Python ints have no negative zero.
  return match[1] === '-' && /^0+$/.test(digits) ? 0 : Number(`${match[1]}${digits}`);
}

/** Python's `int(value)` in base 10; a precision beyond 2^53 is lost, as JavaScript numbers do. */
export function pythonInt(value: PythonValue): number {
  if (typeof value === 'string' || isBytes(value)) return parseIntText(value);
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'boolean') return Number(value);
  throw new PythonError(
    'TypeError',
    'int() argument must be a string, a bytes-like object or a real number, ' +
      `not '${pythonTypeName(value)}'`,
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
    throw new PythonError('ValueError', `could not convert string to float: ${pyRepr(value)}`);
  }
  const negative = plain.startsWith('-');
  const word = plain.replace(/^[+-]/, '').toLowerCase();
  if (word === 'nan') return NaN;
  if (word === 'inf' || word === 'infinity') return negative ? -Infinity : Infinity;
  return Number(plain);
}

/** Python's `float(value)`. */
export function pythonFloat(value: PythonValue): number {
  if (typeof value === 'string' || isBytes(value)) return parseFloatText(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return Number(value);
  throw new PythonError(
    'TypeError',
    `float() argument must be a string or a real number, not '${pythonTypeName(value)}'`,
  );
}
