import { describe, expect, it } from 'vitest';
import { PyAttributeError, PyValueError } from '../python/py-errors.js';
import { decodeToken, encodeToken } from './token-codec.js';

// Expected tokens were produced by botocore's TokenEncoder.
describe('encodeToken', () => {
  it('writes base64 of json.dumps, escaping non-ASCII as Python does', () => {
    expect(encodeToken({ NextToken: 'tok-é😀', boto_truncate_amount: 1 })).toBe(
      'eyJOZXh0VG9rZW4iOiAidG9rLVx1MDBlOVx1ZDgzZFx1ZGUwMCIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9',
    );
  });

  it('base64-encodes bytes and lists their paths under boto_encoded_keys', () => {
    const token = {
      NextToken: new Uint8Array([0, 255, 97, 98]),
      Other: [new Uint8Array([120]), 'y'],
    };
    expect(encodeToken(token)).toBe(
      'eyJOZXh0VG9rZW4iOiAiQVA5aFlnPT0iLCAiT3RoZXIiOiBbImVBPT0iLCAieSJdLCAiYm90b19lbmNvZGVkX2tleXMiOiBbWyJOZXh0VG9rZW4iXSwgWyJPdGhlciIsIDBdXX0=',
    );
  });
});

describe('decodeToken', () => {
  it('reads a token written by botocore', () => {
    expect(
      decodeToken('eyJOZXh0VG9rZW4iOiAidG9rLTEwIiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogNX0='),
    ).toEqual({ NextToken: 'tok-10', boto_truncate_amount: 5 });
  });

  it('restores bytes listed under boto_encoded_keys', () => {
    const token = {
      NextToken: new Uint8Array([0, 255, 97, 98]),
      Other: [new Uint8Array([120]), 'y'],
    };
    expect(decodeToken(encodeToken(token))).toEqual(token);
  });

  it('raises ValueError for what is not base64 of UTF-8 JSON, so the caller falls back', () => {
    expect(() => decodeToken('tok-10')).toThrow(PyValueError);
    expect(() => decodeToken('//79')).toThrow(PyValueError); // bytes ff fe fd: not UTF-8
    expect(() => decodeToken('YWJj')).toThrow(PyValueError); // "abc": not JSON
  });

  it('raises TypeError for a JSON list and AttributeError for a JSON scalar, as Python does', () => {
    expect(() => decodeToken(Buffer.from('[1]').toString('base64'))).toThrow(TypeError);
    expect(() => decodeToken('MTIz')).toThrow(
      new PyAttributeError("'int' object has no attribute 'pop'"),
    );
  });
});
