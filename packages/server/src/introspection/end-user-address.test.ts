import { describe, expect, it } from 'vitest';
import { parseEndUserAddress } from './end-user-address.js';

describe('parseEndUserAddress', () => {
  it.each([
    ['203.0.113.9:51234', '203.0.113.9'],
    ['[2001:db8::1]:993', '2001:db8::1'],
    ['[::ffff:192.0.2.1]:143', '::ffff:192.0.2.1'],
    ['127.0.0.2:0', '127.0.0.2'],
  ])('reads %s as %s', (header, address) => {
    expect(parseEndUserAddress(header)).toBe(address);
  });

  it.each([
    ['no port', '203.0.113.9'],
    ['an IPv6 address without brackets', '2001:db8::1:993'],
    ['a port above 65535', '203.0.113.9:65536'],
    ['an octet above 255', '203.0.113.256:1'],
    ['a host name', 'mail.example.org:993'],
    ['a list', '203.0.113.9:1, 198.51.100.1:2'],
    ['spaces', ' 203.0.113.9:1'],
    ['an empty value', ''],
    ['a repeated header', ['203.0.113.9:1', '198.51.100.1:2']],
    ['no header', undefined],
  ])('ignores %s', (_name, header) => {
    expect(parseEndUserAddress(header)).toBeUndefined();
  });
});
