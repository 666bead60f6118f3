/**
 * The aws shorthand syntax parser (`Status=ACTIVE,LifetimeInDays=30`), ported line by line
 * from awscli/shorthand.py (ShorthandParser), including its backtracking and error positions.
 * No npm package implements this grammar, hence the hand-written parser. Purely syntactic: every
 * value is a string (or a list/dict of them); back-compat-visitor.ts applies the model afterwards.
 * @module
 */
import { PY_SPACE_CLASS, pyRstrip, setOwn } from '@mailpat/client/python';
import type { PythonDict, PythonValue } from './python-value.js';
import { DuplicateKeyInObjectError, ShorthandParseSyntaxError } from './shorthand-errors.js';

/** A regex with the name aws prints in "Expected: '<name>'". */
interface NamedRegex {
  name: string;
  regex: RegExp;
}

// The character classes of shorthand.py, spelled as code point ranges. Python's `\s` is
// PY_SPACE_CLASS, and `\uffff` as the upper bound leaves out characters beyond the BMP.
const START_WORD =
  '\\u0021\\u0023-\\u0026\\u0028-\\u002b\\u002d-\\u003c\\u003e-\\u005a' +
  '\\u005c-\\u007a\\u007c-\\uffff';
const FIRST_FOLLOW =
  `${PY_SPACE_CLASS}\\u0021\\u0023-\\u0026\\u0028-\\u002b\\u002d-\\u005c` +
  '\\u005e-\\u007c\\u007e-\\uffff';
const SECOND_FOLLOW =
  `${PY_SPACE_CLASS}\\u0021\\u0023-\\u0026\\u0028-\\u002b\\u002d-\\u003c` + '\\u003e-\\uffff';
const ESCAPED_COMMA = '\\\\,';

/** The shorthand character classes, exported so the tests can compare them with Python's. */
export const SHORTHAND_CHARACTER_CLASSES = {
  start: START_WORD,
  firstFollow: FIRST_FOLLOW,
  secondFollow: SECOND_FOLLOW,
} as const;

const named = (name: string, source: string): NamedRegex => ({
  name,
  regex: new RegExp(`^(?:${source})`, 'u'),
});
const SINGLE_QUOTED = named('singled quoted', "'(?:\\\\'|[^'])*'");
const DOUBLE_QUOTED = named('double quoted', '"(?:\\\\"|[^"])*"');
const FIRST_VALUE = named(
  'first',
  `(?:${ESCAPED_COMMA}|[${START_WORD}])(?:${ESCAPED_COMMA}|[${FIRST_FOLLOW}])*`,
);
const SECOND_VALUE = named(
  'second',
  `(?:${ESCAPED_COMMA}|[${START_WORD}])(?:${ESCAPED_COMMA}|[${SECOND_FOLLOW}])*`,
);
const KEY_CHARS = /^[a-zA-Z0-9\-_.#/:]$/;
// string.whitespace: only ASCII, unlike the `\s` in the value classes.
const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\x0b', '\x0c']);

/** Loads the value of a `key@=file://...` pair, or returns undefined when it has no prefix. */
export type ParamFileResolver = (value: string) => string | Uint8Array | undefined;

/** ShorthandParser: `parse` turns one shorthand string into a dict of strings, lists and dicts. */
export class ShorthandParser {
  private input = '';
  private chars: string[] = [];
  private index = 0;
  private shouldResolveParamFiles = false;

  constructor(private readonly resolveParamFile: ParamFileResolver) {}

  /** Parses `value`, e.g. `a=b,c` into `{a: ['b', 'c']}`. */
  parse(value: string): PythonDict {
    this.input = value;
    this.chars = Array.from(value);
    this.index = 0;
    this.shouldResolveParamFiles = false;
    return this.parameter();
  }

  // parameter = keyval *("," keyval)
  private parameter(): PythonDict {
    const params: PythonDict = {};
    const [firstKey, firstValue] = this.keyval();
    setOwn(params, firstKey, firstValue);
    let lastIndex = this.index;
    while (this.index < this.chars.length) {
      this.expect(',', true);
      const [key, value] = this.keyval();
      if (Object.hasOwn(params, key)) {
        throw new DuplicateKeyInObjectError(key, this.input, lastIndex + 1);
      }
      setOwn(params, key, value);
      lastIndex = this.index;
    }
    return params;
  }

  // keyval = key "=" [values] / key "@=" [file-optional-values]
  private keyval(): [string, PythonValue] {
    const key = this.key();
    this.expectParamFileMarker();
    this.expect('=', true);
    return [key, this.values()];
  }

  private expectParamFileMarker(): void {
    this.shouldResolveParamFiles = false;
    try {
      this.expect('@', true);
      this.shouldResolveParamFiles = true;
    } catch (error) {
      if (!(error instanceof ShorthandParseSyntaxError)) throw error;
    }
  }

  private key(): string {
    const start = this.index;
    while (!this.atEof() && KEY_CHARS.test(this.current() as string)) this.index += 1;
    return this.slice(start, this.index);
  }

  // values = csv-list / explicit-list / hash-literal
  private values(): PythonValue {
    if (this.atEof()) return '';
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.csvValue();
  }

  /** `foo=bar` gives 'bar', `foo=bar,baz` gives ['bar', 'baz'], stopping before `,c=d`. */
  private csvValue(): PythonValue {
    const firstValue = this.firstValue();
    this.consumeWhitespace();
    if (this.atEof() || this.chars[this.index] !== ',') return firstValue;
    this.expect(',', true);
    const csvList: PythonValue[] = [firstValue];
    for (;;) {
      try {
        const current = this.secondValue();
        this.consumeWhitespace();
        if (this.atEof()) {
          csvList.push(current);
          break;
        }
        this.expect(',', true);
        csvList.push(current);
      } catch (error) {
        if (!(error instanceof ShorthandParseSyntaxError) || this.atEof()) throw error;
        // `foo=a,b,c=d`: `c` was the next key, so go back to the comma before it.
        this.backtrackTo(',');
        break;
      }
    }
    return csvList.length === 1 ? firstValue : csvList;
  }

  private value(): PythonValue {
    const consumed = this.consumeRegex(FIRST_VALUE);
    if (consumed === undefined) return '';
    return this.resolve(pyRstrip(consumed.replaceAll('\\,', ',')));
  }

  // explicit-list = "[" [value *("," value)] "]"
  private explicitList(): PythonValue[] {
    this.expect('[', true);
    const values: PythonValue[] = [];
    while (this.current() !== ']') {
      values.push(this.explicitValues());
      this.consumeWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.consumeWhitespace();
      }
    }
    this.expect(']');
    return values;
  }

  private explicitValues(): PythonValue {
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.firstValue();
  }

  private hashLiteral(): PythonDict {
    this.expect('{', true);
    const keyvals: PythonDict = {};
    while (this.current() !== '}') {
      const key = this.key();
      this.expectParamFileMarker();
      this.expect('=', true);
      const value = this.explicitValues();
      this.consumeWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.consumeWhitespace();
      }
      setOwn(keyvals, key, value);
    }
    this.expect('}');
    return keyvals;
  }

  // first-value = value / single-quoted-val / double-quoted-val
  private firstValue(): PythonValue {
    if (this.current() === "'") return this.resolve(this.consumeQuoted(SINGLE_QUOTED, "'"));
    if (this.current() === '"') return this.resolve(this.consumeQuoted(DOUBLE_QUOTED, '"'));
    return this.value();
  }

  private secondValue(): PythonValue {
    if (this.current() === "'") return this.resolve(this.consumeQuoted(SINGLE_QUOTED, "'"));
    if (this.current() === '"') return this.resolve(this.consumeQuoted(DOUBLE_QUOTED, '"'));
    const consumed = this.mustConsumeRegex(SECOND_VALUE);
    return this.resolve(pyRstrip(consumed.replaceAll('\\,', ',')));
  }

  private consumeQuoted(regex: NamedRegex, escapedChar: string): string {
    const quoted = this.mustConsumeRegex(regex);
    return Array.from(quoted)
      .slice(1, -1)
      .join('')
      .replaceAll(`\\${escapedChar}`, escapedChar)
      .replaceAll('\\\\', '\\');
  }

  private resolve(value: string): PythonValue {
    if (!this.shouldResolveParamFiles) return value;
    return this.resolveParamFile(value) ?? value;
  }

  private expect(char: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.consumeWhitespace();
    if (this.index >= this.chars.length) {
      throw new ShorthandParseSyntaxError(this.input, char, 'EOF', this.index);
    }
    const actual = this.chars[this.index] as string;
    if (actual !== char) throw new ShorthandParseSyntaxError(this.input, char, actual, this.index);
    this.index += 1;
    if (consumeWhitespace) this.consumeWhitespace();
  }

  private mustConsumeRegex(regex: NamedRegex): string {
    const consumed = this.consumeRegex(regex);
    if (consumed !== undefined) return consumed;
    throw new ShorthandParseSyntaxError(this.input, `<${regex.name}>`, '<none>', this.index);
  }

  private consumeRegex(regex: NamedRegex): string | undefined {
    const match = regex.regex.exec(this.slice(this.index, this.chars.length));
    if (!match) return undefined;
    this.index += Array.from(match[0]).length;
    return match[0];
  }

  private slice(start: number, end: number): string {
    return this.chars.slice(start, end).join('');
  }

  private current(): string | undefined {
    return this.chars[this.index];
  }

  private atEof(): boolean {
    return this.index >= this.chars.length;
  }

  private backtrackTo(char: string): void {
    while (this.index >= 0 && this.chars[this.index] !== char) this.index -= 1;
  }

  private consumeWhitespace(): void {
    while (!this.atEof() && WHITESPACE.has(this.current() as string)) this.index += 1;
  }
}
