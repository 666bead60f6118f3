/**
 * Turns the model's `pattern` constraints (java.util.regex syntax, matched against the whole
 * value) into compiled JavaScript RegExps, once per pattern.
 * @module
 */

/** POSIX classes Java spells `\p{Name}` (US-ASCII only, as java.util.regex defines them). */
const POSIX_CLASSES: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

/** Characters JavaScript's unicode mode accepts after a backslash as themselves. */
const JS_SYNTAX_CHARACTERS = new Set('^$\\.*+?()[]{}|/');

/**
 * Rewrites a java.util.regex pattern into an equivalent JavaScript (unicode mode) source:
 * POSIX `\p{Alpha}`-style classes, `\p{IsX}` properties, `\A` `\z` `\Z` anchors, `\Q...\E` quoting
 * and Java's escaping of any punctuation (`\-`, `\@`), which unicode mode refuses. Constructs with
 * no JavaScript equivalent (possessive quantifiers, class intersections) are left alone, so the
 * RegExp constructor rejects them instead of silently changing their meaning.
 */
export function translateJavaPattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '[') {
      // Inside a class Java reads `[` as a nested class (a union); JavaScript as a literal.
      if (inClass) throw new SyntaxError('nested character classes are not supported');
      inClass = true;
    } else if (c === ']' && inClass) inClass = false;
    else if (c === '&' && inClass && pattern[i + 1] === '&') {
      throw new SyntaxError('character class intersections are not supported');
    }
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = pattern[i + 1] ?? '';
    const [replacement, consumed] = translateEscape(pattern, i, next, inClass);
    out += replacement;
    i += consumed;
  }
  return out;
}

/** One escape sequence starting at `pattern[at]`: its translation and how many extra chars it used. */
function translateEscape(
  pattern: string,
  at: number,
  next: string,
  inClass: boolean,
): [string, number] {
  // Model erratum: WorkMail's IdentityProviderIdentityStoreId writes `\\b` (a literal backslash
  // followed by `b`) where a word boundary `\b` is plainly meant; read it as the boundary.
  if (next === '\\' && pattern[at + 2] === 'b' && !inClass) return ['\\b', 2];
  if (next === 'A') return ['^', 1];
  if (next === 'z' || next === 'Z') return ['$', 1];
  if (next === 'Q') return translateQuote(pattern, at);
  if (next === 'p' || next === 'P') return translateProperty(pattern, at, next === 'P', inClass);
  if (/[A-Za-z0-9]/.test(next) || JS_SYNTAX_CHARACTERS.has(next) || (inClass && next === '-')) {
    return ['\\' + next, 1];
  }
  // Java lets any other character be escaped; unicode-mode JavaScript only accepts a code escape.
  const codePoint = pattern.codePointAt(at + 1) ?? 0;
  return [`\\u{${codePoint.toString(16)}}`, codePoint > 0xffff ? 2 : 1];
}

/** `\Q...\E`: everything in between is literal. */
function translateQuote(pattern: string, at: number): [string, number] {
  const end = pattern.indexOf('\\E', at + 2);
  const literal = pattern.slice(at + 2, end < 0 ? pattern.length : end);
  const escaped = literal.replace(/[\^$\\.*+?()[\]{}|/-]/g, '\\$&');
  return [escaped, (end < 0 ? pattern.length : end + 2) - at - 1];
}

/** `\p{Name}` / `\P{Name}`: POSIX classes become ranges, `IsX` drops Java's prefix. */
function translateProperty(
  pattern: string,
  at: number,
  negated: boolean,
  inClass: boolean,
): [string, number] {
  // Java also accepts the one-letter form `\pL`.
  const braced = pattern[at + 2] === '{';
  const close = braced ? pattern.indexOf('}', at) : at + 2;
  if (close < 0 || close >= pattern.length) throw new SyntaxError('unterminated \\p{...}');
  const name = braced ? pattern.slice(at + 3, close) : (pattern[close] as string);
  const consumed = close - at;
  const posix = POSIX_CLASSES[name];
  if (posix === undefined) {
    const property = name.startsWith('Is') ? name.slice(2) : name;
    return [`\\${negated ? 'P' : 'p'}{${property}}`, consumed];
  }
  if (!inClass) return [`[${negated ? '^' : ''}${posix}]`, consumed];
  // A negated POSIX class inside a class has no JavaScript spelling without the `v` flag.
  if (negated) throw new SyntaxError(`unsupported \\P{${name}} inside a character class`);
  return [posix, consumed];
}

const compiled = new Map<string, RegExp>();

/**
 * The RegExp that tests a value against a model pattern: whole-value match (AWS validates with
 * Java's `Matcher.matches()`), unicode mode (Java matches code points). Compiled once and cached.
 */
export function compileModelPattern(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(`^(?:${translateJavaPattern(pattern)})$`, 'u');
    compiled.set(pattern, regex);
  }
  return regex;
}
