import { describe, expect, it } from 'vitest';
import { TableChecksum, canonicalValue } from './table-checksum.js';

describe('canonicalValue', () => {
  it('gives an integer one form whichever driver read it', () => {
    expect(canonicalValue(42n)).toBe(canonicalValue(42));
    expect(canonicalValue(9007199254740993n)).toBe('i9007199254740993');
    expect(canonicalValue(true)).toBe(canonicalValue(1n));
    expect(canonicalValue(false)).toBe(canonicalValue(0));
  });

  it('tells apart values that print alike', () => {
    const forms = [null, '', 'null', 'n', '1', 1, 1.5, '1.5', Buffer.from('1')].map(canonicalValue);
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('gives bytes one form whatever their container', () => {
    expect(canonicalValue(Buffer.from([0, 255]))).toBe(canonicalValue(new Uint8Array([0, 255])));
  });

  it('refuses a value it cannot compare', () => {
    expect(() => canonicalValue(new Date(0))).toThrow(/cannot compare/);
  });
});

describe('TableChecksum', () => {
  const digestOf = (rows: unknown[][]) => {
    const checksum = new TableChecksum();
    for (const row of rows) checksum.add(row);
    return checksum.digest();
  };

  it('matches for the same rows read by different drivers', () => {
    expect(digestOf([[1n, 'a', null]])).toEqual(digestOf([[1, 'a', null]]));
  });

  it('differs when a value moves to the next column or the next row', () => {
    const base = digestOf([['a,b', 'c']]);
    expect(digestOf([['a', 'b,c']]).sha256).not.toBe(base.sha256);
    expect(digestOf([['a,b'], ['c']]).sha256).not.toBe(base.sha256);
  });

  it('counts rows, and an empty table has the digest of nothing', () => {
    expect(digestOf([[1], [2]]).rows).toBe(2);
    expect(digestOf([]).sha256).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});
