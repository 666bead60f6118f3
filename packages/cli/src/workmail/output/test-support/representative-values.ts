/**
 * Values shaped like WorkMail responses and `--query` results, for parity tests.
 * @module
 */

const TOKEN = {
  PersonalAccessTokenId: 'pat-0f3c2b1a9e8d7c6b5a4f3e2d1c0b9a8f',
  UserId: 'S-1-1-11-1111111111-2222222222-3333333333-3333',
  Name: 'n',
  DateCreated: '2026-11-27T10:00:00.123000+00:00',
  Scopes: ['IMAP', 'SMTP'],
};

/** A named value to feed both to our formatters and to awscli's. */
export interface RepresentativeValue {
  name: string;
  value: unknown;
}

/** Responses, nested shapes, Unicode, numbers and scalars, including ones awscli fails on. */
export const REPRESENTATIVE_VALUES: readonly RepresentativeValue[] = [
  {
    name: 'ListPersonalAccessTokens page',
    value: { PersonalAccessTokenSummaries: [TOKEN], NextToken: 'abc' },
  },
  {
    name: 'two token summaries with nested scopes',
    value: {
      PersonalAccessTokenSummaries: [
        TOKEN,
        { ...TOKEN, PersonalAccessTokenId: 'pat-2', Name: 'laptop', Scopes: [] },
        { ...TOKEN, PersonalAccessTokenId: 'pat-3', DateLastUsed: '2026-12-01T08:30:00+00:00' },
      ],
    },
  },
  {
    name: 'GetPersonalAccessTokenMetadata',
    value: {
      PersonalAccessTokenId: TOKEN.PersonalAccessTokenId,
      UserId: TOKEN.UserId,
      Name: 'ci runner token with a fairly long descriptive name',
      DateCreated: TOKEN.DateCreated,
      DateLastUsed: '2026-12-01T08:30:00.500000+00:00',
      ExpiresTime: '2027-11-27T10:00:00+00:00',
      Scopes: ['IMAP', 'SMTP', 'EWS'],
    },
  },
  {
    name: 'users with keys missing in some items',
    value: {
      Users: [
        { Id: 'u-1', Email: 'ana@example.com', Name: 'ana', State: 'ENABLED', UserRole: 'USER' },
        { Id: 'u-2', Name: 'bob', State: 'DISABLED' },
        { Id: 'u-3', DisplayName: 'Carol C.', State: 'ENABLED', EnabledDate: '2026-01-02' },
      ],
      NextToken: null,
    },
  },
  { name: 'a single key', value: { PersonalAccessTokenId: 'pat-1' } },
  {
    name: 'nested dicts',
    value: {
      Organization: {
        Id: 'm-1',
        Alias: 'corp',
        Settings: { Retention: 30, Flags: { Legacy: true, Beta: false } },
      },
      RequestCount: 1,
    },
  },
  { name: 'a list of scalars', value: { Scopes: ['IMAP', 'SMTP', 'EWS'], Count: 3 } },
  { name: 'lists of lists', value: { Matrix: [[1, 2], [3, 4], []], Name: 'grid' } },
  { name: 'ragged lists of lists', value: { Ragged: [[1, 2], [3]] } },
  { name: 'a list of scalars and lists', value: { Mixed: ['a', ['b', 'c'], 'd', [['e']]] } },
  { name: 'an empty dict', value: {} },
  { name: 'an empty list', value: [] },
  { name: 'empty members', value: { Users: [], Tags: {}, NextToken: '' } },
  {
    name: 'wide and ambiguous characters',
    value: {
      Users: [
        { Name: '山田太郎', Note: '🔑 key', Id: 'ｱｲｳ half-width' },
        { Name: 'café – naïve °C ±', Note: 'e\u0301 combining', Id: 'Ελληνικά Кириллица' },
      ],
    },
  },
  {
    name: 'values wider than the terminal',
    value: {
      Description: 'x'.repeat(120),
      Id: 'u-1',
      Tags: [
        { Key: 'team', Value: 'platform '.repeat(12) },
        { Key: 'env', Value: 'prod' },
      ],
    },
  },
  {
    name: 'many columns',
    value: {
      Items: [
        Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Column${i}`, `value-${i}`])),
        Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Column${i}`, i * 1000])),
      ],
    },
  },
  {
    name: 'numbers',
    value: {
      Int: 42,
      Negative: -7,
      Float: 1.5,
      Tiny: 1e-7,
      Small: 0.0001,
      Huge: 1e21,
      Big: 12345678901234567000,
      Zero: 0,
      NegativeZero: -0,
      Tenth: 0.1,
      Sum: 0.1 + 0.2,
      Large: 1.5e300,
      Epoch: 1795773600.123,
      Sixteen: 1234567890123456.8,
    },
  },
  { name: 'booleans and null', value: { Enabled: true, Disabled: false, Nothing: null } },
  { name: 'a bare string', value: 'pat-1' },
  { name: 'a bare number', value: 42 },
  { name: 'a bare float', value: 1.25 },
  { name: 'a bare null', value: null },
  { name: 'a bare true', value: true },
  { name: 'a bare false', value: false },
  { name: 'an empty string', value: '' },
  { name: 'a list of strings', value: ['u-1', 'u-2', 'u-3'] },
  {
    name: 'a list of dicts',
    value: [{ Id: '1' }, { Id: '2', Extra: { x: 1 } }, { Id: '3', Extra: { x: 2, y: [1] } }],
  },
  { name: 'a dict where another item has a scalar', value: [{ a: 1 }, { a: [1, "x'y"], b: {} }] },
  {
    name: 'reprs of strings, dicts and floats',
    value: [{ k: 'v' }, { k: { 'it"s': "it's", n: null, t: true, f: 1.0e-9, u: '\u00a0\u200b' } }],
  },
  { name: 'a list starting with a dict, then a string', value: [{ a: 1 }, 'x'] },
  { name: 'a list starting with a string, then a dict', value: ['x', { a: 1 }] },
  { name: 'a list of a string and a list', value: ['x', [1, 2]] },
  { name: 'a dict, then an empty list and string', value: [{}, [], ''] },
  { name: 'a dict with nested values, then an empty list', value: [{ a: [1] }, []] },
  { name: "a nested '' key, then an empty string", value: [{ '': [1] }, ''] },
  { name: 'a dict with a scalar, then an empty list', value: [{ a: 1 }, []] },
  {
    name: 'sections without a title',
    value: [
      ['a', 'b'],
      [
        { x: 1, y: 2 },
        { x: 3, y: 4, z: [1] },
      ],
    ],
  },
  {
    name: 'escapes and control characters',
    value: { Weird: 'tab\there\nnew "quoted" back\\slash \u0001 \u007f \u2028 \b\f\r' },
  },
  { name: 'key order and code point sorting', value: { b: 1, a: 2, Ä: 3, '😀': 4, '\uff5e': 5 } },
  { name: 'an empty key', value: { '': 'v', k: 'w', ß: 'upper SS' } },
  { name: 'a nested scalar under a non-scalar key', value: [{ a: [1] }, { a: 5 }, { a: 0 }] },
  { name: 'only non-scalar members', value: { Items: [{ Tags: ['a'] }, { Tags: [] }] } },
];
