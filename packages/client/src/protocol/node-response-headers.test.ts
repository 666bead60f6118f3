import { describe, expect, it } from 'vitest';
import { NodeResponseHeaders } from './node-response-headers.js';

describe('NodeResponseHeaders', () => {
  const headers = new NodeResponseHeaders({
    'x-amzn-requestid': 'rid-1',
    'set-cookie': ['a=1', 'b=2'],
  });

  it('finds a header whatever the case of the name asked for', () => {
    expect(headers.get('X-Amzn-RequestId')).toBe('rid-1');
    expect(headers.get('x-amzn-requestid')).toBe('rid-1');
  });

  it('joins repeated values as Headers.get does', () => {
    expect(headers.get('Set-Cookie')).toBe(
      new Headers([
        ['set-cookie', 'a=1'],
        ['set-cookie', 'b=2'],
      ]).get('set-cookie'),
    );
  });

  it('answers null for an absent header, inherited properties included', () => {
    expect(headers.get('date')).toBeNull();
    expect(headers.get('constructor')).toBeNull();
    expect(headers.get('__proto__')).toBeNull();
  });
});
