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

  it('should fill characters of an alphabet, each about equally often, across refills', () => {
    const random = new RandomPool();
    const alphabet = Buffer.from('abcdef');
    // 3 MiB of characters span several refills of the 1 MiB pool.
    const target = Buffer.alloc(3 * 1024 * 1024 + 2);
    random.fillFromAlphabet(target, 1, target.length - 1, alphabet);
    expect([target[0], target.at(-1)]).toEqual([0, 0]);
    const counts = new Map<number, number>();
    for (const code of target.subarray(1, -1)) counts.set(code, (counts.get(code) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([...alphabet]);
    const expected = (target.length - 2) / alphabet.length;
    // About 524,000 each expected; 1% is about eight standard deviations (~660).
    for (const count of counts.values()) expect(Math.abs(count / expected - 1)).toBeLessThan(0.01);
  });

  it('should reject the bytes that would favour the start of an alphabet', () => {
    // 256 bytes over 200 characters: unrejected, bytes 200-255 would fall on the first 56
    // characters, which would then come up 44% of the time instead of 28%.
    const random = new RandomPool();
    const alphabet = Buffer.from(Array.from({ length: 200 }, (_, i) => i));
    const target = Buffer.alloc(100_000);
    random.fillFromAlphabet(target, 0, target.length, alphabet);
    const first = target.filter((code) => code < 56).length;
    // 1% is about seven standard deviations (~0.14%).
    expect(Math.abs(first / target.length - 0.28)).toBeLessThan(0.01);
  });
});
