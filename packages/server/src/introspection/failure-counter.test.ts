import { describe, expect, it } from 'vitest';
import { FailureCounter } from './failure-counter.js';

describe('FailureCounter', () => {
  it('says so once per window when an address reaches the threshold', () => {
    const counter = new FailureCounter({ threshold: 3, windowMs: 60_000, maxKeys: 10 });
    const crossings = (key: string, at: number, times: number) =>
      Array.from({ length: times }, () => counter.count(key, at)).filter(Boolean).length;
    expect(crossings('192.0.2.1', 0, 10)).toBe(1);
    expect(crossings('192.0.2.2', 0, 2)).toBe(0);
    expect(crossings('192.0.2.1', 59_999, 5)).toBe(0);
    expect(crossings('192.0.2.1', 60_000, 5)).toBe(1);
  });

  it('never counts more than maxKeys addresses', () => {
    const counter = new FailureCounter({ threshold: 10, windowMs: 60_000, maxKeys: 100_000 });
    let largest = 0;
    for (let i = 0; i < 200_000; i++) {
      counter.count(`2001:db8::${i.toString(16)}`, i);
      largest = Math.max(largest, counter.size);
    }
    expect(largest).toBe(100_000);
  });
});
