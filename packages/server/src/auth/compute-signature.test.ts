import { describe, expect, it } from 'vitest';
import { computeSignature } from './compute-signature.js';
import type { SigningInput } from './compute-signature.js';
import { computeSignatureWithSmithy } from './test-support/smithy-compute-signature.js';

const BASE: SigningInput = {
  accessKeyId: 'AKIAMAILPATTEST2345',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  method: 'POST',
  path: '/',
  query: Object.create(null) as SigningInput['query'],
  headers: {
    host: 'localhost:4566',
    'x-amz-date': '20261127T204600Z',
    'x-amz-target': 'WorkMailService.ListOrganizations',
  },
  body: Buffer.from('{}'),
  dateMs: Date.UTC(2026, 10, 27, 20, 46, 0),
  region: 'us-east-1',
  service: 'workmail',
  signedHeaders: ['host', 'x-amz-date', 'x-amz-target'],
};

/** A null-prototype record, as the verifier builds headers and query parameters. */
function record<T>(entries: [string, T][]): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(entries));
}

function withHeaders(entries: [string, string][]): SigningInput {
  const headers = record([...Object.entries(BASE.headers), ...entries]);
  return { ...BASE, headers, signedHeaders: Object.keys(headers).sort() };
}

/** Each is a detail where a naive SigV4 canonicalisation and smithy's signer part ways. */
const CASES: Array<[string, SigningInput]> = [
  ['a plain AWS JSON request', BASE],
  ['runs of spaces and tabs inside a value', withHeaders([['x-a', 'a  \t b']])],
  ['one space dropped at each end, no more', withHeaders([['x-a', '  a  ']])],
  ['CR and LF turned into spaces', withHeaders([['x-a', 'a\r\nb']])],
  ['vertical tab and no-break space kept', withHeaders([['x-a', '\u000ba\u00a0']])],
  ['a Date header, which smithy never signs', withHeaders([['date', 'Fri, 27 Nov 2026']])],
  ['a header named __proto__', withHeaders([['__proto__', 'x']])],
  [
    'a signed x-amz-content-sha256 taken as the payload hash',
    withHeaders([['x-amz-content-sha256', 'abc']]),
  ],
  ['a path encoded a second time', { ...BASE, path: '/a%20b/c%2Fd/é' }],
  ['dot and empty segments removed', { ...BASE, path: '/a/./b//../c/' }],
  ['a path without its leading slash', { ...BASE, path: 'a/b' }],
  ['an empty path', { ...BASE, path: '' }],
  ["!'()* encoded in path and query", { ...BASE, path: "/!'()*", query: record([["!'", '()*']]) }],
  [
    'repeated query names sorted by value',
    {
      ...BASE,
      query: record<string | string[]>([
        ['b', ['2', '1', '']],
        ['a', ''],
      ]),
    },
  ],
  ['X-Amz-Signature left out in any case', { ...BASE, query: record([['x-AMZ-signature', 'x']]) }],
  [
    'a query parameter named __proto__',
    {
      ...BASE,
      query: record([
        ['__proto__', 'x'],
        ['a', 'b'],
      ]),
    },
  ],
  ['an empty method, signed as GET', { ...BASE, method: '' }],
  ['a region and secret outside ASCII', { ...BASE, region: 'ré-1', secretAccessKey: 'sécret' }],
];

describe('computeSignature', () => {
  it.each(CASES)('signs as smithy does: %s', async (_, input) => {
    expect(computeSignature(input)).toEqual(await computeSignatureWithSmithy(input));
  });

  it('lists the headers smithy covers: never date or authorization', () => {
    const input = withHeaders([
      ['date', 'x'],
      ['authorization', 'y'],
    ]);
    expect(computeSignature(input).signedHeaders).toBe('host;x-amz-date;x-amz-target');
  });
});
