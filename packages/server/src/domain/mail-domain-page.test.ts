import { describe, expect, it } from 'vitest';
import { mailDomainCursor, pageOfMailDomains } from './mail-domain-page.js';

const DOMAINS = ['corp.example', 'acme.awsapps.com', 'b.example', 'a.example'];

describe('pageOfMailDomains', () => {
  it('returns every domain by name when they fit in one page', () => {
    expect(pageOfMailDomains(DOMAINS, undefined, 100)).toEqual({
      items: ['a.example', 'acme.awsapps.com', 'b.example', 'corp.example'],
      hasMore: false,
    });
  });

  it('says more remain when the page is cut short', () => {
    expect(pageOfMailDomains(DOMAINS, undefined, 3)).toEqual({
      items: ['a.example', 'acme.awsapps.com', 'b.example'],
      hasMore: true,
    });
  });

  it('continues strictly after the cursor, and ends without more', () => {
    expect(pageOfMailDomains(DOMAINS, mailDomainCursor('b.example'), 1)).toEqual({
      items: ['corp.example'],
      hasMore: false,
    });
  });

  it('continues after a domain that is no longer listed', () => {
    expect(pageOfMailDomains(DOMAINS, mailDomainCursor('aa.example'), 10).items).toEqual([
      'acme.awsapps.com',
      'b.example',
      'corp.example',
    ]);
  });

  it('does not report more when exactly the limit remains', () => {
    expect(pageOfMailDomains(DOMAINS, undefined, 4).hasMore).toBe(false);
  });
});
