import { describe, expect, it } from 'vitest';
import { SERVICE_MODEL } from '@mailpat/model';
import { compileModelPattern, translateJavaPattern } from './translate-pattern.js';

const modelPatterns = Object.entries(SERVICE_MODEL.shapes).flatMap(([name, shape]) =>
  shape.pattern === undefined ? [] : [[name, shape.pattern] as const],
);

describe('compileModelPattern', () => {
  it('finds patterns in the model to compile', () => {
    expect(modelPatterns.length).toBeGreaterThan(15);
  });

  it.each(modelPatterns)('compiles the %s pattern', (_name, pattern) => {
    expect(compileModelPattern(pattern)).toBeInstanceOf(RegExp);
  });

  it('matches the whole value, not a substring', () => {
    const name = compileModelPattern('[^\\x00-\\x1F\\x7F\\x3C\\x3E\\x5C]+');
    expect(name.test('my laptop')).toBe(true);
    expect(name.test('a<b')).toBe(false);
    expect(name.test('a\\b')).toBe(false);
    expect(name.test('line\nbreak')).toBe(false);
  });

  it('anchors a pattern that only anchors its start', () => {
    const alias = compileModelPattern(SERVICE_MODEL.shapes.OrganizationName?.pattern as string);
    expect(alias.test('my-org')).toBe(true);
    expect(alias.test('my-org_')).toBe(false);
    expect(alias.test('d-org')).toBe(false);
  });

  it('anchors every alternative of an alternation', () => {
    const id = compileModelPattern('a|b');
    expect(id.test('a')).toBe(true);
    expect(id.test('ab')).toBe(false);
  });

  it('compiles each pattern once', () => {
    expect(compileModelPattern('[a-z]+')).toBe(compileModelPattern('[a-z]+'));
  });

  it('matches code points, as Java does, so an emoji counts once in a pattern', () => {
    expect(compileModelPattern('.').test('😀')).toBe(true);
  });

  it('reads the doubled backslash of IdentityProviderIdentityStoreId as a word boundary', () => {
    const store = compileModelPattern(
      SERVICE_MODEL.shapes.IdentityProviderIdentityStoreId?.pattern as string,
    );
    expect(store.test('d-1234567890')).toBe(true);
    expect(store.test('12345678-1234-1234-1234-123456789012')).toBe(true);
    expect(store.test('12345678\\b-1234-1234-1234-\\b123456789012')).toBe(false);
  });
});

describe('translateJavaPattern', () => {
  it('spells POSIX classes as ranges, inside and outside a class', () => {
    expect(translateJavaPattern('\\p{Alpha}+')).toBe('[a-zA-Z]+');
    expect(translateJavaPattern('[\\p{Digit}_]')).toBe('[0-9_]');
    expect(translateJavaPattern('\\P{Digit}')).toBe('[^0-9]');
  });

  it("drops Java's Is prefix from Unicode properties and braces one-letter ones", () => {
    expect(translateJavaPattern('\\p{IsAlphabetic}')).toBe('\\p{Alphabetic}');
    expect(translateJavaPattern('\\pL')).toBe('\\p{L}');
  });

  it('turns escaped punctuation JavaScript refuses into code escapes', () => {
    expect(translateJavaPattern('a\\-b\\@')).toBe('a\\u{2d}b\\u{40}');
    expect(translateJavaPattern('[\\w\\-.]')).toBe('[\\w\\-.]');
    expect(compileModelPattern('a\\-b').test('a-b')).toBe(true);
  });

  it('quotes \\Q...\\E literally and maps \\A and \\z to anchors', () => {
    expect(compileModelPattern('\\Qa.b\\E').test('a.b')).toBe(true);
    expect(compileModelPattern('\\Qa.b\\E').test('axb')).toBe(false);
    expect(translateJavaPattern('\\Aabc\\z')).toBe('^abc$');
  });

  it('refuses Java class unions and intersections rather than change their meaning', () => {
    expect(() => translateJavaPattern('[a-z[0-9]]')).toThrow(SyntaxError);
    expect(() => translateJavaPattern('[a-z&&[^b]]')).toThrow(SyntaxError);
  });
});
