/**
 * Python's `repr(float)`: shortest round-trip digits, exponent below 1e-4 and from 1e16.
 * @module
 */

/** Formats a finite non-integer double exactly as Python's `repr(float)` does. */
export function formatPyFloat(value: number): string {
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

/** Formats a number as Python would print the int or float `json.loads` made of it. */
export function formatPyNumber(value: number, nan: string, infinity: string): string {
  if (Number.isNaN(value)) return nan;
  if (!Number.isFinite(value)) return value > 0 ? infinity : `-${infinity}`;
  return Number.isInteger(value) ? BigInt(value).toString() : formatPyFloat(value);
}
