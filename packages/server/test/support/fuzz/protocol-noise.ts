/**
 * Requests that are wrong at the HTTP level: random paths and methods, and hand-made bytes
 * (duplicate Host or Content-Length, both Content-Length and chunked, NUL in a header, bad
 * versions, huge headers) sent on a raw socket.
 * @module
 */
import fc from 'fast-check';
import type { RequestPlan } from './request-plan.js';

const ascii = (min: number, max: number) =>
  fc.integer({ min, max }).map((c) => String.fromCharCode(c));

const noise = (label: string, parts: Partial<RequestPlan>): RequestPlan => ({
  label,
  effect: 'read',
  method: 'GET',
  path: '/',
  target: undefined,
  contentType: undefined,
  body: '',
  signing: 'unsigned',
  extraHeaders: [],
  tweak: 0,
  ...parts,
});

/** Random methods and paths (web app and introspection included), signed or not. */
export function randomRoute(): fc.Arbitrary<RequestPlan> {
  const method = fc.constantFrom(
    'GET',
    'POST',
    'PUT',
    'DELETE',
    'HEAD',
    'OPTIONS',
    'PATCH',
    'PROPFIND',
    'M-SEARCH',
  );
  const path = fc.oneof(
    fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
    fc.constantFrom(
      '/healthz',
      '/healthz?x=1',
      '/account/',
      '/account',
      '/account/tokens',
      '/account/sign-in',
      '/account/sso/callback?code=x&state=y',
      '/oauth2/introspect',
      '/.well-known/openid-configuration',
      '/%00',
      '/%ff%fe',
      '/?X-Amz-Algorithm=AWS4-HMAC-SHA256',
      '/' + 'a'.repeat(4000),
    ),
    fc.string({ maxLength: 30, unit: ascii(0x21, 0x7e) }).map((s) => `/${encodeURI(s)}`),
  );
  return fc
    .tuple(method, path, fc.boolean(), fc.string({ maxLength: 200 }))
    .map(([m, p, signed, body]) =>
      noise('random-route', {
        method: m,
        path: p,
        body: m === 'GET' || m === 'HEAD' ? '' : body,
        signing: signed ? 'valid' : 'unsigned',
        target: signed ? 'WorkMailService.ListOrganizations' : undefined,
        contentType: signed ? 'application/x-amz-json-1.1' : 'application/x-www-form-urlencoded',
      }),
    );
}

/** Malformed or ambiguous HTTP, as bytes. `⟦host⟧` is replaced by the server's host. */
export function malformedHttp(): fc.Arbitrary<RequestPlan> {
  const raws = fc.oneof(
    fc.constantFrom(
      'POST / HTTP/1.1\r\nHost: ⟦host⟧\r\nHost: evil.example\r\nContent-Length: 2\r\n\r\n{}',
      'POST / HTTP/1.1\r\nHost: ⟦host⟧\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}x',
      'POST / HTTP/1.1\r\nHost: ⟦host⟧\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: ⟦host⟧\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: ⟦host⟧\r\nContent-Length: -1\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: ⟦host⟧\r\nContent-Length: 99999999999999999999\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: ⟦host⟧\r\nX-Amz-Target: WorkMailService.ListOrganizations\r\nX-Amz-Target: WorkMailService.DeleteOrganization\r\nContent-Length: 2\r\n\r\n{}',
      'GET / HTTP/9.9\r\nHost: ⟦host⟧\r\n\r\n',
      'GET / HTTP/1.1\r\n\r\n',
      'GET /healthz HTTP/1.0\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: ⟦host⟧\r\nX-Bad\u0000: 1\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: ⟦host⟧\r\nX-Folded: a\r\n b\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: ⟦host⟧\r\nBad Header: 1\r\n\r\n',
      'GET / HTTP/1.1\nHost: ⟦host⟧\n\n',
      'post / HTTP/1.1\r\nHost: ⟦host⟧\r\n\r\n',
      '\r\n\r\n',
      'GARBAGE\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: ⟦host⟧\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      `POST / HTTP/1.1\r\nHost: ⟦host⟧\r\nAuthorization: AWS4-HMAC-SHA256 ${'Credential=x, '.repeat(500)}\r\nContent-Length: 2\r\n\r\n{}`,
      'POST / HTTP/1.1\r\nHost: ⟦host⟧\r\nX-Amz-Target: WorkMailService.ListOrganizations\r\nAuthorization: é\u00ff\r\nContent-Length: 2\r\n\r\n{}',
    ),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    fc
      .string({ maxLength: 60, unit: ascii(0x00, 0xff) })
      .map((value) => `GET /healthz HTTP/1.1\r\nHost: ⟦host⟧\r\nX-Fuzz: ${value}\r\n\r\n`),
  );
  return raws.map((raw) => noise('malformed-http', { raw }));
}
