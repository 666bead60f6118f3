import { describe, expect, it } from 'vitest';
import { InvalidParameterException } from '../errors/index.js';
import { mailDomainsFor } from './mail-domains.js';

describe('mailDomainsFor', () => {
  it('should put the default domain first and keep each domain once, lowercased', () => {
    expect(
      mailDomainsFor('Acme', ['Example.COM', 'example.com', 'ACME.awsapps.com', 'b.example']),
    ).toEqual(['acme.awsapps.com', 'example.com', 'b.example']);
  });

  it.each(['other.awsapps.com', 'AWSAPPS.com', 'deep.acme.awsapps.com'])(
    "should refuse %s: awsapps.com names are aliases' default domains",
    (name) => {
      expect(() => mailDomainsFor('acme', [name])).toThrow(InvalidParameterException);
    },
  );

  it.each(['example.com.', '.example.com', 'a..example.com'])(
    'should refuse %s, which has an empty label',
    (name) => {
      expect(() => mailDomainsFor('acme', [name])).toThrow(InvalidParameterException);
    },
  );
});
