import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CsrfRefusedError } from '../http/web-errors.js';
import { requireSameOrigin, requireSignInCsrf } from './csrf-checks.js';

const requestFrom = (headers: Record<string, string>) => ({ headers }) as IncomingMessage;

describe('requireSameOrigin', () => {
  const options = { tls: false, publicUrl: new URL('https://mail.example.org') };

  it('accepts no Origin, the origin of the Host header, and the public URL', () => {
    expect(() => requireSameOrigin(requestFrom({ host: 'localhost:8080' }), options)).not.toThrow();
    for (const origin of ['http://localhost:8080', 'https://mail.example.org']) {
      expect(() =>
        requireSameOrigin(requestFrom({ host: 'localhost:8080', origin }), options),
      ).not.toThrow();
    }
  });

  it('refuses another origin, another scheme and the opaque origin', () => {
    for (const origin of ['https://evil.example', 'https://localhost:8080', 'null']) {
      expect(() =>
        requireSameOrigin(requestFrom({ host: 'localhost:8080', origin }), options),
      ).toThrow(CsrfRefusedError);
    }
  });
});

describe('requireSameOrigin with Sec-Fetch-Site', () => {
  const options = { tls: false, publicUrl: undefined };
  const host = 'localhost:8080';

  it('accepts Origin null from a same-origin form (our pages send no referrer)', () => {
    const req = requestFrom({ host, origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect(() => requireSameOrigin(req, options)).not.toThrow();
  });

  it('refuses a cross-site or same-site (sibling subdomain) POST whatever its Origin says', () => {
    for (const site of ['cross-site', 'same-site', 'none']) {
      for (const origin of ['null', 'http://localhost:8080']) {
        const req = requestFrom({ host, origin, 'sec-fetch-site': site });
        expect(() => requireSameOrigin(req, options)).toThrow(CsrfRefusedError);
      }
    }
  });

  it('still refuses a foreign Origin that claims same-origin', () => {
    const req = requestFrom({
      host,
      origin: 'https://evil.example',
      'sec-fetch-site': 'same-origin',
    });
    expect(() => requireSameOrigin(req, options)).toThrow(CsrfRefusedError);
  });
});

describe('requireSignInCsrf', () => {
  const cookie = 'a'.repeat(43);

  it('needs the form value to equal the pre-session cookie', () => {
    expect(() => requireSignInCsrf(new URLSearchParams({ csrf: cookie }), cookie)).not.toThrow();
    expect(() => requireSignInCsrf(new URLSearchParams({ csrf: 'b'.repeat(43) }), cookie)).toThrow(
      CsrfRefusedError,
    );
    expect(() => requireSignInCsrf(new URLSearchParams({ csrf: '' }), undefined)).toThrow(
      CsrfRefusedError,
    );
    expect(() => requireSignInCsrf(new URLSearchParams(), cookie)).toThrow(CsrfRefusedError);
  });
});
