/**
 * Python's `json.loads` as aws calls it (CPython 3.11's C scanner, `object_pairs_hook` an
 * OrderedDict): the same accepted documents (NaN, Infinity, big integers) and the same
 * JSONDecodeError messages, which aws prints after "Invalid JSON:". JSON.parse differs in both.
 * @module
 */
import { pyFloat, pyInt, PyRecursionError, PyValueError, setOwn } from '@mailpat/client/python';
import type { PythonDict, PythonValue } from './python-value.js';

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const CONSTANTS: ReadonlyArray<readonly [string, PythonValue]> = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
];
// Python's recursion limit (1000) less the frames aws has on the stack when it decodes: aws CLI
// 1.45 decodes `--filters` nested 981 deep and fails at 982 (other paths differ by a frame).
const MAX_DEPTH = 981;

/** Python's "<msg>: line L column C (char P)", positions counted in code points as Python does. */
function decodeError(message: string, text: string, position: number): PyValueError {
  const before = text.slice(0, position);
  const char = Array.from(before).length;
  const lineStart = before.lastIndexOf('\n');
  const line = before.split('\n').length;
  const column = Array.from(before.slice(lineStart + 1)).length + 1;
  return new PyValueError(`${message}: line ${line} column ${column} (char ${char})`);
}

/** Raised where Python's scanner raises StopIteration: the caller reports "Expecting value". */
class StopIteration {
  constructor(readonly position: number) {}
}

class Scanner {
  constructor(private readonly text: string) {}

  skipWhitespace(index: number): number {
    WHITESPACE.lastIndex = index;
    WHITESPACE.exec(this.text);
    return WHITESPACE.lastIndex;
  }

  scanOnce(index: number, depth: number): [PythonValue, number] {
    const text = this.text;
    if (index >= text.length) throw new StopIteration(index);
    const char = text[index];
    if (char === '"') return this.scanString(index + 1);
    if (char === '{' || char === '[') {
      const kind = char === '{' ? 'object' : 'array';
      if (depth >= MAX_DEPTH) {
        throw new PyRecursionError(
          `maximum recursion depth exceeded while decoding a JSON ${kind} from a unicode string`,
        );
      }
      return kind === 'object'
        ? this.parseObject(index + 1, depth + 1)
        : this.parseArray(index + 1, depth + 1);
    }
    for (const [word, value] of CONSTANTS) {
      if (text.startsWith(word, index)) return [value, index + word.length];
    }
    return this.matchNumber(index);
  }

  private matchNumber(index: number): [PythonValue, number] {
    NUMBER.lastIndex = index;
    const match = NUMBER.exec(this.text);
    if (!match) throw new StopIteration(index);
    const isFloat = match[1] !== undefined || match[2] !== undefined;
    return [isFloat ? pyFloat(match[0]) : pyInt(match[0]), index + match[0].length];
  }

  private parseObject(start: number, depth: number): [PythonDict, number] {
    const text = this.text;
    const result: PythonDict = {};
    let index = this.skipWhitespace(start);
    if (text[index] === '}') return [result, index + 1];
    for (;;) {
      if (text[index] !== '"') {
        throw decodeError('Expecting property name enclosed in double quotes', text, index);
      }
      const [key, afterKey] = this.scanString(index + 1);
      index = this.skipWhitespace(afterKey);
      if (text[index] !== ':') throw decodeError("Expecting ':' delimiter", text, index);
      const [value, afterValue] = this.scanOnce(this.skipWhitespace(index + 1), depth);
      setOwn(result, key, value);
      index = this.skipWhitespace(afterValue);
      if (text[index] === '}') return [result, index + 1];
      if (text[index] !== ',') throw decodeError("Expecting ',' delimiter", text, index);
      index = this.skipWhitespace(index + 1);
    }
  }

  private parseArray(start: number, depth: number): [PythonValue[], number] {
    const text = this.text;
    const result: PythonValue[] = [];
    let index = this.skipWhitespace(start);
    if (text[index] === ']') return [result, index + 1];
    for (;;) {
      const [value, afterValue] = this.scanOnce(index, depth);
      result.push(value);
      index = this.skipWhitespace(afterValue);
      if (text[index] === ']') return [result, index + 1];
      if (text[index] !== ',') throw decodeError("Expecting ',' delimiter", text, index);
      index = this.skipWhitespace(index + 1);
    }
  }

  /** scanstring_unicode: `end` is just past the opening quote. */
  scanString(end: number): [string, number] {
    const text = this.text;
    const begin = end - 1;
    let out = '';
    for (;;) {
      let next = end;
      while (next < text.length && text[next] !== '"' && text[next] !== '\\') {
        if ((text.charCodeAt(next) as number) <= 0x1f) {
          throw decodeError('Invalid control character at', text, next);
        }
        next += 1;
      }
      if (next >= text.length) throw decodeError('Unterminated string starting at', text, begin);
      out += text.slice(end, next);
      if (text[next] === '"') return [out, next + 1];
      next += 1;
      if (next === text.length) throw decodeError('Unterminated string starting at', text, begin);
      const [decoded, after] = this.scanEscape(next);
      out += decoded;
      end = after;
    }
  }

  /** One escape; `index` is at the character after the backslash. */
  private scanEscape(index: number): [string, number] {
    const text = this.text;
    const char = text[index] as string;
    if (char !== 'u') {
      const decoded = ESCAPES[char];
      if (decoded === undefined) throw decodeError('Invalid \\escape', text, index - 1);
      return [decoded, index + 1];
    }
    // The C scanner wants one more character after the four hex digits (at least the quote).
    if (index + 5 >= text.length) throw decodeError('Invalid \\uXXXX escape', text, index);
    const first = this.hex4(index);
    let end = index + 5;
    const isHigh = first >= 0xd800 && first <= 0xdbff;
    if (isHigh && end + 6 < text.length && text[end] === '\\' && text[end + 1] === 'u') {
      const second = this.hex4(end + 1);
      if (second >= 0xdc00 && second <= 0xdfff) {
        end += 6;
        return [String.fromCharCode(first, second), end];
      }
    }
    return [String.fromCharCode(first), end];
  }

  /** Four hex digits after the `u` at `index`. */
  private hex4(index: number): number {
    const digits = this.text.slice(index + 1, index + 5);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) {
      throw decodeError('Invalid \\uXXXX escape', this.text, index);
    }
    return parseInt(digits, 16);
  }
}

/** Python's `json.loads(text)`; errors are ValueError (JSONDecodeError) with Python's message. */
export function parsePythonJson(text: string): PythonValue {
  if (text.startsWith('\ufeff')) {
    throw decodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', text, 0);
  }
  const scanner = new Scanner(text);
  const start = scanner.skipWhitespace(0);
  let value: PythonValue;
  let end: number;
  try {
    [value, end] = scanner.scanOnce(start, 0);
  } catch (error) {
    if (error instanceof StopIteration) throw decodeError('Expecting value', text, error.position);
    throw error;
  }
  end = scanner.skipWhitespace(end);
  if (end !== text.length) throw decodeError('Extra data', text, end);
  return value;
}
