/**
 * Hostile JSON values as raw text: wrong types, huge strings and numbers, deep nesting within
 * the size limit, lone surrogates, NUL, RTL and combining marks, prototype keys.
 * @module
 */
import fc from 'fast-check';

const json = (value: unknown) => JSON.stringify(value);

/** Strings a parser or a database might choke on. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '',
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x\udc00y',
      '\u202egnp.exe',
      'e\u0301\u0301\u0301',
      '\uFEFF',
      '😀'.repeat(40),
      '\r\n',
      '../../etc/passwd',
      "'; drop table users; --",
      '%00',
      '__proto__',
      'm-' + '0'.repeat(32),
      'm-' + 'F'.repeat(32),
    ),
    fc.string({ maxLength: 80, unit: 'binary' }),
    fc.string({ maxLength: 40, unit: 'grapheme' }),
  );
}

/** A string of 257 to 300,000 characters (the body stays under 1 MiB). */
export function longString(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 257, max: 300_000 }), fc.constantFrom('x', 'é', '😀', '\u0000'))
    .map(([n, unit]) => unit.repeat(Math.floor(n / unit.length)));
}

/** Arrays or objects nested 100 to 150,000 deep: under 1 MiB of JSON. */
export function deepJson(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 100, max: 150_000 }), fc.boolean())
    .map(([depth, arrays]) =>
      arrays
        ? '['.repeat(depth) + ']'.repeat(depth)
        : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
    );
}

/** Raw JSON text of a hostile value. */
export function hostileJson(): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 40,
      arbitrary: fc.constantFrom(
        'null',
        'true',
        'false',
        '0',
        '-0',
        '1.5',
        '-1',
        '1e400',
        '-1e400',
        '1e-400',
        '1E+2',
        '100.0',
        '9007199254740993',
        '123456789012345678901234567890',
        '[]',
        '{}',
        '""',
        '"\\ud800"',
        '"\\udc00x"',
        '"\\u0000"',
        '[null]',
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '{"Status":"ACTIVE","LifetimeInDays":1e400}',
      ),
    },
    { weight: 40, arbitrary: hostileString().map(json) },
    { weight: 30, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json) },
    // Rare: each is up to 1 MiB to generate, sign, send and parse.
    { weight: 1, arbitrary: longString().map(json) },
    { weight: 1, arbitrary: deepJson() },
  );
}
