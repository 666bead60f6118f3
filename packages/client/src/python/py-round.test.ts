/**
 * Tests for pyRound, Python 3's round().
 * @module
 */
import { describe, expect, it } from 'vitest';
import { pyRound } from './py-round.js';

describe('pyRound', () => {
  it('rounds halves to the even neighbour as Python 3 round() does', () => {
    expect([0.5, 1.5, 2.5, 3.5, 10.5].map(pyRound)).toEqual([0, 2, 2, 4, 10]);
  });

  it('rounds everything else to the nearest integer', () => {
    expect([0.49, 0.51, 2.4999999, 7, 8.75].map(pyRound)).toEqual([0, 1, 2, 7, 9]);
  });
});
