import { describe, expect, it } from 'vitest';
import { formatReportTable } from './format-report-table.js';
import type { SourceSnapshot, UserSnapshot } from './import-snapshot.js';
import { accountUrlFor, buildReport } from './import-report.js';
import { planImport } from './plan-import.js';

function user(name: string, state = 'ENABLED'): UserSnapshot {
  return {
    id: `src-${name}`,
    name,
    email: state === 'ENABLED' ? `${name}@example.com` : undefined,
    displayName: name,
    state,
    attributes: {},
  };
}

const SOURCE: SourceSnapshot = {
  organizationId: 'm-src',
  alias: 'acme',
  domains: ['example.com'],
  users: [user('ada'), user('bob', 'DISABLED'), user('eve', 'DELETED')],
  tokens: [
    {
      id: 'pat-1',
      userId: 'src-ada',
      name: 'laptop',
      scopes: ['IMAP', 'SMTP'],
      dateCreated: new Date('2026-01-02T03:04:05Z'),
      dateLastUsed: new Date('2026-03-04T00:00:00Z'),
      expiresTime: new Date('2027-01-02T03:04:05Z'),
    },
    { id: 'pat-2', userId: 'src-ada', name: 'phone', scopes: [] },
  ],
};

function report(dryRun = false) {
  const plan = planImport(SOURCE, { users: [], domainsOfOthers: new Map() });
  return buildReport({
    source: SOURCE,
    plan,
    sourceEndpointUrl: 'https://AKID:secret@workmail.eu-west-1.amazonaws.com/',
    targetEndpointUrl: 'http://127.0.0.1:8080',
    targetOrganizationId: dryRun ? undefined : 'm-dst',
    userIds: new Map(
      dryRun
        ? []
        : [
            ['src-ada', 'dst-ada'],
            ['src-bob', 'dst-bob'],
          ],
    ),
    accountUrl: 'https://mail.example.com/account/',
    dryRun,
  });
}

describe('buildReport', () => {
  it('maps old user IDs to new ones and lists every token with its metadata', () => {
    const built = report();
    expect(built.Users.map((u) => [u.Name, u.SourceUserId, u.TargetUserId, u.Outcome])).toEqual([
      ['ada', 'src-ada', 'dst-ada', 'create'],
      ['bob', 'src-bob', 'dst-bob', 'create'],
      ['eve', 'src-eve', undefined, 'not-imported'],
    ]);
    expect(built.Users[0]!.Tokens).toEqual([
      {
        PersonalAccessTokenId: 'pat-1',
        Name: 'laptop',
        Scopes: ['IMAP', 'SMTP'],
        DateCreated: '2026-01-02T03:04:05.000Z',
        DateLastUsed: '2026-03-04T00:00:00.000Z',
        ExpiresTime: '2027-01-02T03:04:05.000Z',
      },
      { PersonalAccessTokenId: 'pat-2', Name: 'phone', Scopes: [] },
    ]);
  });

  it('says per imported user that the password was not imported', () => {
    const passwords = report().Users.map((u) => u.Password);
    expect(passwords[0]).toMatch(/^not imported \(WorkMail cannot export passwords\)/);
    expect(passwords[1]).toBe(passwords[0]);
    expect(passwords[2]).toBeUndefined();
  });

  it('never carries credentials of an endpoint URL', () => {
    const text = JSON.stringify(report());
    expect(text).not.toContain('secret');
    expect(text).not.toContain('AKID');
  });
});

describe('formatReportTable', () => {
  it('prints one row per user, then the tokens to re-create and where', () => {
    const text = formatReportTable(report());
    expect(text.split('\n').slice(0, 4)).toEqual([
      'User  Old user ID  New user ID  State     Password      Outcome',
      'ada   src-ada      dst-ada      ENABLED   not imported  created',
      'bob   src-bob      dst-bob      DISABLED  not imported  created',
      'eve   src-eve      -            DELETED   -             not imported',
    ]);
    expect(text).toContain('Tokens to re-create at https://mail.example.com/account/');
    expect(text).toContain('  ada <ada@example.com>:');
    expect(text).toContain(
      '    laptop (IMAP,SMTP; created 2026-01-02, last used 2026-03-04, expires 2027-01-02)',
    );
    expect(text).toContain('    phone (no scopes; created never, last used never, expires never)');
  });

  it('shows the plan, not an outcome, in a dry run', () => {
    expect(formatReportTable(report(true)).split('\n')[1]).toMatch(/ada .* -\s+ENABLED .*create$/);
  });
});

describe('accountUrlFor', () => {
  it.each([
    [undefined, 'http://127.0.0.1:8080', 'http://127.0.0.1:8080/account/'],
    ['', 'http://127.0.0.1:8080/', 'http://127.0.0.1:8080/account/'],
    ['https://mail.example.org', 'http://127.0.0.1:8080', 'https://mail.example.org/account/'],
    ['https://example.org/mailpat', 'http://x', 'https://example.org/mailpat/account/'],
    [undefined, 'http://admin:pw@10.0.0.1:8080', 'http://10.0.0.1:8080/account/'],
  ])('MAILPAT_PUBLIC_URL %j, target %s: %s', (publicUrl, endpoint, expected) => {
    expect(accountUrlFor(publicUrl, endpoint)).toBe(expected);
  });
});
