/**
 * Python's `repr(float)` and the repr of the numbers botocore and the aws CLI hold: shortest
 * round-trip digits, exponent below 1e-4 and from 1e16 (CPython `format_float_short`, mode 'r').
 * @module
 */

/** Formats a finite double exactly as Python's `repr(float)` does. */
export function pyFloatRepr(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  // toExponential() without an argument gives the shortest digits that round-trip, like Python.
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${head}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  return `${sign}${whole}.${digits.slice(exponent + 1) || '0'}`;
}

/**
 * Formats a number as Python prints the int or float it stands for: integer-valued numbers are
 * ints (all their digits), others floats; `nan` and `infinity` spell the non-finite values.
 */
export function pyNumberRepr(value: number, nan = 'nan', infinity = 'inf'): string {
  if (Number.isNaN(value)) return nan;
  if (!Number.isFinite(value)) return value > 0 ? infinity : `-${infinity}`;
  return Number.isInteger(value) ? BigInt(value).toString() : pyFloatRepr(value);
}

/**
 * `repr()` of the Python number that `json.loads(JSON.stringify(n))` yields, which is what botocore
 * builds from a response our server wrote: digits alone are an int and print unchanged; a '.' or an
 * exponent makes a float (so 1.5e-7 prints `1.5e-07`, 1e21 `1e+21`, 2**60 `1152921504606847000`).
 */
export function pyJsonNumberRepr(n: number): string {
  const text = String(n);
  return /[.e]/.test(text) ? pyFloatRepr(n) : text;
}
