/**
 * Python's `int(x)`, which botocore applies to `MaxItems`, `PageSize` and the index of a
 * legacy `token___index` starting token. Follows CPython 3.11 `_PyLong_FromUnicodeObject`.
 * @module
 */
import { PyOverflowError, PyValueError } from './py-errors.js';
import { pyRepr } from './py-repr.js';
import { pyTypeName } from './py-types.js';

// Non-ASCII characters for which str.isspace() holds; int() reads them as spaces.
const UNICODE_SPACE = /^[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
// PyLong_FromString: ASCII whitespace, sign, digits with single underscores between them.
const INT_LITERAL = /^[\t\n\v\f\r ]*([+-]?)(\d+(?:_\d+)*)[\t\n\v\f\r ]*$/;
const MAX_STR_DIGITS = 4300;

// Unicode decimal digits come in runs of ten starting at zero, so the value is the run offset.
function decimalValue(codePoint: number): number {
  let start = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return (codePoint - start) % 10;
}

// _PyUnicode_TransformDecimalAndSpaceToASCII: undefined where Python would write '?'.
function toAscii(text: string): string | undefined {
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint < 127) out += char;
    else if (UNICODE_SPACE.test(char)) out += ' ';
    else if (DECIMAL_DIGIT.test(char)) out += String(decimalValue(codePoint));
    else return undefined;
  }
  return out;
}

function parseIntLiteral(text: string): number {
  const match = INT_LITERAL.exec(toAscii(text) ?? '?');
  if (match === null) {
    const shown = [...pyRepr(text)].slice(0, 200).join('');
    throw new PyValueError(`invalid literal for int() with base 10: ${shown}`);
  }
  const digits = (match[2] ?? '').replaceAll('_', '');
  if (digits.length > MAX_STR_DIGITS) {
    throw new PyValueError(
      `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ` +
        `${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  return Number(`${match[1] ?? ''}${digits}`) + 0;
}

/** Converts `value` as Python's `int(value)` would, raising the same kinds of error. */
export function pyInt(value: unknown): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return parseIntLiteral(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new PyValueError('cannot convert float NaN to integer');
    if (!Number.isFinite(value)) {
      throw new PyOverflowError('cannot convert float infinity to integer');
    }
    return Math.trunc(value) + 0;
  }
  throw new TypeError(
    `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`,
  );
}
