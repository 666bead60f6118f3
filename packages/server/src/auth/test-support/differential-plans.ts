/**
 * Test helper for the differential test: fast-check arbitraries of requests to sign (methods,
 * paths, queries, header sets with odd whitespace and repeats, bodies, dates, regions, keys).
 * @module
 */
import fc from 'fast-check';

/** The keys a plan may sign with; the lookup knows the first three. */
export const DIFFERENTIAL_KEYS = {
  plain: { accessKeyId: 'AKIAMAILPATTEST2345', secretAccessKey: 'wJalrXUtnFEMI/K7MDENGbPxRfiCY' },
  unicode: { accessKeyId: 'AKIAMAILPATUNICODE99', secretAccessKey: 'sécret+/=ünïcode\u00a0key' },
  disabled: { accessKeyId: 'AKIAMAILPATDISABLED9', secretAccessKey: 'd'.repeat(40) },
  unknown: { accessKeyId: 'AKIAMAILPATUNKNOWN99', secretAccessKey: 'u'.repeat(40) },
} as const;

/** The verifier's clock: five minutes before midnight, so dates cross into the next day. */
export const DIFFERENTIAL_NOW = Date.UTC(2026, 10, 27, 23, 55, 0);

/** How a query is written on the wire; the signers all see the decoded pairs. */
export type QueryEncoding = 'sigv4' | 'encodeURIComponent' | 'lower-case-hex' | 'raw';

/** One request to sign, before any signer touches it. */
export interface RequestPlan {
  key: keyof typeof DIFFERENTIAL_KEYS;
  method: string;
  /** The request path as sent, already percent-encoded (or not). */
  path: string;
  /** Decoded name/value pairs in wire order; a name may repeat. */
  query: [string, string][];
  queryEncoding: QueryEncoding;
  /** Header lines in wire order (Host among them unless left out); a name may repeat. */
  headers: [string, string][];
  body: string;
  dateMs: number;
  region: string;
  /** Send and sign `x-amz-content-sha256` (smithy's default; botocore only when told). */
  contentSha256: boolean;
}

const SECOND = 1000;

const VALUE_CHARACTERS = [...'aZ09-_.~,;=/:"', ' ', ' ', '  ', '\t', '\u00e9', '\u00ff'];
/** Whitespace smithy does not fold but botocore (Python's str.split) and String.trim do. */
const ODD_WHITESPACE = ['\u000b', '\u000c', '\u00a0', '\u0085', '\u001f'];
const headerValue = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.string({ unit: fc.constantFrom(...VALUE_CHARACTERS), maxLength: 12 }),
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', ' a ', 'a\r\nb', 'a \t b', '\ta\t', 'a, b') },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...ODD_WHITESPACE), fc.constantFrom('a', 'a b', ''))
      .map(([space, text]) => `${space}${text}${space}`),
  },
);

const HEADER_NAMES = [
  'content-type',
  'Content-Type',
  'x-amz-target',
  'X-Amz-Target',
  'user-agent',
  'x-custom',
  'X-Custom',
  'accept',
  'x-amz-meta-a',
  'expect',
  'proxy-thing',
  'sec-fetch-mode',
  'content-length',
  '__proto__',
  'constructor',
  'x-amz-user-agent',
  'date',
];
const headerName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HEADER_NAMES) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/) },
);

const PATH_SEGMENTS = ['a', 'b', 'Mail', '.', '..', '', '%41', '%2F', '%2f', '~', '!', "'", '*'];
const pathSegment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PATH_SEGMENTS, '(', ')', '+', ':', '@', '$', 'é') },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9%]{1,5}$/) },
);
const path = fc.oneof(
  { weight: 4, arbitrary: fc.constant('/') },
  { weight: 4, arbitrary: fc.array(pathSegment, { maxLength: 4 }).map((s) => `/${s.join('/')}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '*', 'a/b', '//', '/./', '/a/../..') },
);

const QUERY_CHARACTERS = [..."aZ09-_.~ !'()*/+=&%:é", '__proto__', 'X-Amz-Signature'];
const queryText = fc.string({ unit: fc.constantFrom(...QUERY_CHARACTERS), maxLength: 6 });
const queryPair = fc.tuple(
  fc.oneof(queryText, fc.constantFrom('x-amz-signature', '__proto__', 'a', 'b')),
  fc.oneof(queryText, fc.constant('')),
);

const region = fc.oneof(
  fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2'),
  fc.stringMatching(/^[a-z]{2}-[a-z]{2,6}-[1-9]$/),
);

/** A plan; Host is almost always present, and often X-Amz-Target and Content-Type. */
export const requestPlan: fc.Arbitrary<RequestPlan> = fc.record({
  key: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom('plain', 'unicode') },
    { weight: 1, arbitrary: fc.constantFrom('disabled', 'unknown') },
  ),
  method: fc.oneof(
    { weight: 6, arbitrary: fc.constant('POST') },
    { weight: 2, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD') },
    { weight: 1, arbitrary: fc.constantFrom('post', 'M-SEARCH', '') },
  ),
  path,
  query: fc.oneof(
    { weight: 2, arbitrary: fc.constant<[string, string][]>([]) },
    { weight: 1, arbitrary: fc.array(queryPair, { minLength: 1, maxLength: 4 }) },
  ),
  queryEncoding: fc.constantFrom('sigv4', 'sigv4', 'encodeURIComponent', 'lower-case-hex', 'raw'),
  headers: fc
    .tuple(
      fc.oneof(
        {
          weight: 12,
          arbitrary: fc.constantFrom('localhost:4566', 'mailpat.example', 'LOCALHOST'),
        },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      fc.array(fc.tuple(headerName, headerValue), { maxLength: 5 }),
      fc.boolean(),
    )
    .map(([host, others, target]) => [
      ...(host === undefined ? [] : [['Host', host] as [string, string]]),
      ...(target
        ? [['X-Amz-Target', 'WorkMailService.ListOrganizations'] as [string, string]]
        : []),
      ...others,
    ]),
  body: fc.oneof(fc.constant('{}'), fc.constant(''), fc.string({ maxLength: 40 })),
  dateMs: fc
    .integer({ min: -20 * 60, max: 20 * 60 })
    .map((seconds) => DIFFERENTIAL_NOW + seconds * SECOND),
  region,
  contentSha256: fc.boolean(),
});

/** Writes the decoded pairs as a query string in the plan's encoding ('' when there are none). */
export function writeQuery(plan: RequestPlan): string {
  if (plan.query.length === 0) return '';
  const encode = {
    sigv4: (text: string) =>
      encodeURIComponent(text).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    encodeURIComponent,
    'lower-case-hex': (text: string) =>
      encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    raw: (text: string) => text,
  }[plan.queryEncoding];
  return `?${plan.query.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&')}`;
}
