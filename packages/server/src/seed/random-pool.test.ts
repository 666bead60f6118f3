import { describe, expect, it } from 'vitest';
import { RandomPool } from './random-pool.js';

describe('RandomPool', () => {
  it('should keep drawing across refills of its buffer', () => {
    const random = new RandomPool();
    // 400,000 draws of 4 bytes span two refills of the 1 MiB pool.
    const seen = new Set<number>();
    for (let i = 0; i < 400_000; i++) seen.add(random.uniformInt(36));
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 36 }, (_, i) => i));
    expect(random.hex(32)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should draw each value of a range about equally often', () => {
    const random = new RandomPool();
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[random.uniformInt(6)]! += 1;
    // Expected 10,000 each; 600 is more than six standard deviations (~91).
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(600);
  });

  it('should reject the draws that would favour small values', () => {
    // 2^32 holds one 3 x 2^30 range and a third of another: unrejected, values below 2^30 would
    // come up half the time instead of a third.
    const random = new RandomPool();
    let small = 0;
    for (let i = 0; i < 30_000; i++) if (random.uniformInt(3 * 2 ** 30) < 2 ** 30) small += 1;
    expect(Math.abs(small - 10_000)).toBeLessThan(600);
  });

  it('should give fresh hex on every call', () => {
    const random = new RandomPool();
    const hashes = new Set(Array.from({ length: 10_000 }, () => random.hex(32)));
    expect(hashes.size).toBe(10_000);
  });
});
