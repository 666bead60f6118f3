/**
 * Python's `repr()` of `str` and `bytes`, which the messages of `int()`, `float()` and
 * `OSError` embed, so mailpat prints the same text aws does.
 * @module
 */

// Python's `str.isprintable()` is false for these categories (the space character excepted).
const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

function chooseQuote(hasSingle: boolean, hasDouble: boolean): string {
  return hasSingle && !hasDouble ? '"' : "'";
}

function escapeCommon(code: number, quote: string): string | undefined {
  const char = String.fromCodePoint(code);
  if (char === quote || char === '\\') return `\\${char}`;
  if (char === '\t') return '\\t';
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (code < 0x20 || code === 0x7f) return `\\x${hex(code, 2)}`;
  if (code < 0x7f) return char;
  return undefined;
}

/** Python's `repr(text)`: quoted, with the escapes CPython's unicode_repr writes. */
export function pythonRepr(text: string): string {
  const quote = chooseQuote(text.includes("'"), text.includes('"'));
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const common = escapeCommon(code, quote);
    if (common !== undefined) out += common;
    else if (!NOT_PRINTABLE.test(char)) out += char;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out + quote;
}

/** Python's `repr(data)` of bytes: `b'...'` with `\xhh` for anything not printable ASCII. */
export function pythonBytesRepr(data: Uint8Array): string {
  const quote = chooseQuote(data.includes(0x27), data.includes(0x22));
  let out = `b${quote}`;
  for (const code of data) out += escapeCommon(code, quote) ?? `\\x${hex(code, 2)}`;
  return out + quote;
}
