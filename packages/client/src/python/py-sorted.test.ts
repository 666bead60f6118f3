/**
 * Tests for Python's code point string ordering.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { runPythonJson } from './test-support/python3.js';
import { compareCodePoints, pySorted } from './py-sorted.js';

describe('pySorted', () => {
  it("sorts as Python's sorted(), which differs from the UTF-16 default sort", () => {
    const keys = ['b', 'a', 'B', '', 'ab', 'Ä', '😀', '\uff5e', '\ue000', '𝒜', 'a😀', 'a\uffff'];
    const expected = runPythonJson<string[]>(
      'import json,sys\nprint(json.dumps(sorted(json.load(sys.stdin))))',
      keys,
    );
    expect(pySorted(keys)).toEqual(expected);
    expect([...keys].sort()).not.toEqual(expected);
  });

  it('orders a prefix before the longer string', () => {
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('😀', '😀')).toBe(0);
  });
});
