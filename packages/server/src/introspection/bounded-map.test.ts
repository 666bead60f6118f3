import { describe, expect, it } from 'vitest';
import { BoundedMap } from './bounded-map.js';

describe('BoundedMap', () => {
  it('keeps recently used entries and forgets the others first', () => {
    const map = new BoundedMap<string, number>(4);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect(map.get('a')).toBe(1);
    map.set('d', 4);
    map.set('e', 5);
    expect(map.get('a')).toBe(1);
    expect(map.get('b')).toBeUndefined();
    expect(map.size).toBeLessThanOrEqual(4);
  });

  it('never holds more than maxEntries, whatever the keys', () => {
    const map = new BoundedMap<string, number>(50_000);
    let largest = 0;
    for (let i = 0; i < 200_000; i++) {
      map.set(`hash-${i}`, i);
      if (i % 3 === 0) map.get(`hash-${i >> 1}`);
      largest = Math.max(largest, map.size);
    }
    expect(largest).toBe(50_000);
  });
});
