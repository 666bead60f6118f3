/**
 * Tests for roundHalfEven, Python 3's round().
 * @module
 */
import { describe, expect, it } from 'vitest';
import { roundHalfEven } from './round-half-even.js';

describe('roundHalfEven', () => {
  it('rounds halves to the even neighbour as Python 3 round() does', () => {
    expect([0.5, 1.5, 2.5, 3.5, 10.5].map(roundHalfEven)).toEqual([0, 2, 2, 4, 10]);
  });

  it('rounds everything else to the nearest integer', () => {
    expect([0.49, 0.51, 2.4999999, 7, 8.75].map(roundHalfEven)).toEqual([0, 1, 2, 7, 9]);
  });
});
