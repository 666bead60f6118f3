/**
 * How Python prints a number that reached it as JSON text written by JSON.stringify.
 * @module
 */

/**
 * `repr()` of the Python number that `json.loads(JSON.stringify(n))` yields, which is what botocore
 * builds from a response our server wrote: digits alone are an int and print unchanged; a '.' or an
 * exponent makes a float, printed by `float.__repr__` (so 1.5e-7 prints `1.5e-07`, 1e21 `1e+21`).
 */
export function reprNumber(n: number): string {
  const text = String(n);
  return /[.e]/.test(text) ? reprFloat(n) : text;
}

/**
 * `float.__repr__`: the shortest digits that round-trip (the same digits JS picks), in exponent form
 * when the decimal point would sit before the 4th zero or past the 16th digit (CPython
 * `format_float_short`, mode 'r'), otherwise positional with at least one fractional digit.
 */
function reprFloat(n: number): string {
  const [mantissa = '', exponent = '0'] = Math.abs(n).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const decimalPoint = Number(exponent) + 1;
  const sign = n < 0 ? '-' : '';
  if (decimalPoint <= -4 || decimalPoint > 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const power = decimalPoint - 1;
    const powerText = String(Math.abs(power)).padStart(2, '0');
    return `${sign}${digits[0]}${fraction}e${power < 0 ? '-' : '+'}${powerText}`;
  }
  if (decimalPoint <= 0) return `${sign}0.${'0'.repeat(-decimalPoint)}${digits}`;
  if (decimalPoint >= digits.length) {
    return `${sign}${digits}${'0'.repeat(decimalPoint - digits.length)}.0`;
  }
  return `${sign}${digits.slice(0, decimalPoint)}.${digits.slice(decimalPoint)}`;
}
