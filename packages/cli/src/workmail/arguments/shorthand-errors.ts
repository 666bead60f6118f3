/**
 * The shorthand parser's errors (awscli/shorthand.py), with aws's messages: the input
 * and a caret under the character where parsing stopped.
 * @module
 */

/** Any shorthand error; aws reports it as "Error parsing parameter '<option>': <message>". */
export class ShorthandParseError extends Error {
  override readonly name: string = 'ShorthandParseError';
}

/**
 * The input with a caret line under `index`, split at newlines as aws does. Both counted in code
 * points, as Python indexes strings.
 */
export function errorLocation(value: string, index: number): string {
  const chars = Array.from(value);
  const before = chars.slice(0, index).join('');
  const after = chars.slice(index).join('');
  let consumed = value;
  let remaining = '';
  let spaces = index;
  if (before.includes('\n'))
    spaces = index - Array.from(before.slice(0, before.lastIndexOf('\n'))).length - 1;
  if (after.includes('\n')) {
    const nextNewline = before.length + after.indexOf('\n');
    consumed = value.slice(0, nextNewline);
    remaining = value.slice(nextNewline);
  }
  return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
}

/**
 * "Expected: 'x', received: 'y'". The installed aws CLI v1 (1.45) prints the literal text
 * "{self._error_location()}" instead of the location (aws/aws-cli#10467, a missing f-string
 * prefix); mailpat prints the location, as earlier v1 releases and aws CLI v2 do.
 */
export class ShorthandParseSyntaxError extends ShorthandParseError {
  override readonly name = 'ShorthandParseSyntaxError';
  constructor(value: string, expected: string, actual: string, index: number) {
    super(
      `Expected: '${expected}', received: '${actual}' for input:\n${errorLocation(value, index)}`,
    );
  }
}

/** The same key twice at the top level, usually a "," typed where a space was meant. */
export class DuplicateKeyInObjectError extends ShorthandParseError {
  override readonly name = 'DuplicateKeyInObjectError';
  constructor(key: string, value: string, index: number) {
    super(
      `Second instance of key "${key}" encountered for input:\n${errorLocation(value, index)}\n` +
        'This is often because there is a preceding "," instead of a space.',
    );
  }
}
