import { describe, expect, it } from 'vitest';
import { PyAttributeError, PyValueError } from '../python/py-errors.js';
import { parseStartingToken } from './starting-token.js';

const INPUT = ['NextToken'];

describe('parseStartingToken', () => {
  it('splits boto_truncate_amount off a botocore token', () => {
    const token = 'eyJOZXh0VG9rZW4iOiAidG9rLTEwIiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogNX0=';
    expect(parseStartingToken(token, INPUT)).toEqual({
      nextToken: { NextToken: 'tok-10' },
      index: 5,
    });
  });

  it('reads the legacy token___index form, None included', () => {
    expect(parseStartingToken('tok-10___3', INPUT)).toEqual({
      nextToken: { NextToken: 'tok-10' },
      index: 3,
    });
    expect(parseStartingToken('None___2', INPUT)).toEqual({
      nextToken: { NextToken: null },
      index: 2,
    });
    expect(parseStartingToken('tok-4___ 1_0 ', INPUT).index).toBe(10);
  });

  it('passes a service token through as it is', () => {
    expect(parseStartingToken('tok-10', INPUT)).toEqual({
      nextToken: { NextToken: 'tok-10' },
      index: 0,
    });
    expect(parseStartingToken('tok-10___x', INPUT)).toEqual({
      nextToken: { NextToken: 'tok-10___x' },
      index: 0,
    });
  });

  it('pads missing input tokens with None', () => {
    expect(parseStartingToken('a', ['A', 'B'])).toEqual({
      nextToken: { A: 'a', B: null },
      index: 0,
    });
    expect(parseStartingToken('a___b___4', ['A', 'B'])).toEqual({
      nextToken: { A: 'a', B: 'b' },
      index: 4,
    });
  });

  it('rejects a legacy token with more parts than input tokens', () => {
    expect(() => parseStartingToken('a___b___c', INPUT)).toThrow(
      new PyValueError('Bad starting token: a___b___c'),
    );
  });

  it('lets a base64 JSON scalar fail as it fails in botocore', () => {
    expect(() => parseStartingToken('MTIz', INPUT)).toThrow(PyAttributeError);
  });
});
