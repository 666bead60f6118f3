/**
 * Test helper for the differential test: one edit to a signed request (or none), from flipping a
 * header value to re-listing the signed headers, some of which leave the signature valid.
 * @module
 */
import fc from 'fast-check';
import { formatAmzDate, parseAmzDate } from '../amz-date.js';
import type { IncomingSignedRequest } from '../signed-request.js';
import { DIFFERENTIAL_KEYS } from './differential-plans.js';

const KINDS = [
  'header-value',
  'header-whitespace',
  'header-name-case',
  'header-repeat',
  'header-remove',
  'header-add',
  'path',
  'query',
  'body',
  'date',
  'scope-region',
  'signed-headers-add',
  'signed-headers-remove',
  'signature',
  'method',
  'access-key',
] as const;

/** An edit, or `none`; `pick` chooses where, `text` what is inserted. */
export interface Mutation {
  kind: 'none' | (typeof KINDS)[number];
  pick: number;
  text: string;
}

/** About a third of the requests are left as signed. */
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.oneof(
    { weight: 8, arbitrary: fc.constant('none' as const) },
    { weight: 16, arbitrary: fc.constantFrom(...KINDS) },
  ),
  pick: fc.nat(9999),
  text: fc.constantFrom('a', ' ', '\t', '  ', ',', 'é', '%41', '/', 'date', 'x-new', '__proto__'),
});

type Lines = [string, string][];
type Edit = (
  lines: Lines,
  request: IncomingSignedRequest,
  m: Mutation,
) => Partial<IncomingSignedRequest> | void;

const at = <T>(items: readonly T[], pick: number): T => items[pick % items.length] as T;
const insert = (text: string, pick: number, piece: string) =>
  text.slice(0, pick % (text.length + 1)) + piece + text.slice(pick % (text.length + 1));
const authorizationOf = (lines: Lines) =>
  lines.find(([name]) => name.toLowerCase() === 'authorization') ?? ['', ''];

/** Rewrites the SignedHeaders list of the Authorization header. */
function editSignedHeaders(lines: Lines, edit: (names: string[]) => string[]): void {
  const line = authorizationOf(lines);
  line[1] = line[1].replace(/SignedHeaders=([^,]*)/, (_, list: string) => {
    return `SignedHeaders=${edit(list.split(';')).join(';')}`;
  });
}

const EDITS: Record<Mutation['kind'], Edit> = {
  none: () => undefined,
  'header-value': (lines, _, m) => {
    const line = at(lines, m.pick);
    line[1] = insert(line[1], m.pick >> 3, m.text);
  },
  'header-whitespace': (lines, _, m) => {
    const line = at(lines, m.pick);
    const forms = [` ${line[1]}`, `${line[1]} `, line[1].replace(' ', '  '), `\t${line[1]}\t`];
    line[1] = at(forms, m.pick >> 4);
  },
  'header-name-case': (lines, _, m) => {
    const line = at(lines, m.pick);
    line[0] = line[0] === line[0].toLowerCase() ? line[0].toUpperCase() : line[0].toLowerCase();
  },
  'header-repeat': (lines, _, m) => {
    const [name, value] = at(lines, m.pick);
    lines.push([name, m.pick % 2 === 0 ? value : m.text]);
  },
  'header-remove': (lines, _, m) => {
    lines.splice(m.pick % lines.length, 1);
  },
  'header-add': (lines, _, m) => {
    lines.push([at(['Date', 'x-new', 'X-Amz-Security-Token', m.text], m.pick), 'v']);
  },
  path: (_, request, m) => {
    const [path = '', query] = request.path.split(/(?=\?)/);
    const forms = [
      `${path}/`,
      `/.${path}`,
      path.replace('/', '//'),
      insert(path, m.pick >> 3, m.text),
    ];
    return { path: at(forms, m.pick) + (query ?? '') };
  },
  query: (_, request, m) => {
    const [path = '', query = ''] = request.path.split(/(?=\?)/);
    const pairs = query
      .slice(1)
      .split('&')
      .filter((pair) => pair !== '');
    const forms = [
      [...pairs, `${encodeURIComponent(m.text)}=1`],
      [...pairs].reverse(),
      [...pairs, 'x-amz-signature=1'],
      [...pairs, '__proto__=x'],
      pairs.map((pair) => pair.replace('%20', '+').replace('%2F', '%2f')),
      pairs.slice(1),
    ];
    const edited = at(forms, m.pick);
    return { path: edited.length === 0 ? path : `${path}?${edited.join('&')}` };
  },
  body: (_, request, m) => {
    const body = Buffer.from(request.body);
    if (body.length === 0) return { body: Buffer.from(m.text) };
    const i = m.pick % body.length;
    body[i] = (body[i] as number) ^ 1;
    return { body };
  },
  date: (lines, _, m) => {
    const line = lines.find(([name]) => name.toLowerCase() === 'x-amz-date');
    const dateMs = line && parseAmzDate(line[1]);
    if (line && dateMs !== undefined)
      line[1] = formatAmzDate(dateMs + at([1000, -1000, -86_400_000], m.pick));
  },
  'scope-region': (lines, _, m) => {
    const line = authorizationOf(lines);
    line[1] = line[1].replace(
      /(Credential=[^/]*\/\d{8}\/)[^/]*/,
      `$1${at(['us-east-1', 'eu-west-1', 'x'], m.pick)}`,
    );
  },
  'signed-headers-add': (lines, _, m) => {
    const name = at([...lines.map(([n]) => n.toLowerCase()), 'date', 'authorization'], m.pick);
    editSignedHeaders(lines, (names) => [...new Set([...names, name])].sort());
  },
  'signed-headers-remove': (lines, _, m) => {
    editSignedHeaders(lines, (names) => names.filter((_, i) => i !== m.pick % names.length));
  },
  signature: (lines, _, m) => {
    const line = authorizationOf(lines);
    const i = line[1].length - 1 - (m.pick % 64);
    line[1] = line[1].slice(0, i) + (line[1][i] === '0' ? '1' : '0') + line[1].slice(i + 1);
  },
  method: (_, request, m) => ({
    method: at(['GET', 'PUT', 'post', ''], m.pick) + (request.method === 'GET' ? 'X' : ''),
  }),
  'access-key': (lines, _, m) => {
    const line = authorizationOf(lines);
    const keys = Object.values(DIFFERENTIAL_KEYS).map((key) => key.accessKeyId);
    line[1] = line[1].replace(/Credential=[^/]*/, `Credential=${at(keys, m.pick)}`);
  },
};

/** A copy of the request with the mutation applied; the original is left as it is. */
export function mutateRequest(request: IncomingSignedRequest, m: Mutation): IncomingSignedRequest {
  const lines: Lines = [];
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    lines.push([request.rawHeaders[i] as string, request.rawHeaders[i + 1] as string]);
  }
  const changed = EDITS[m.kind](lines, request, m) ?? {};
  return { ...request, rawHeaders: lines.flat(), ...changed };
}
