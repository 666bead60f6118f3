import { describe, expect, it } from 'vitest';
import type {
  IdentityProviderSnapshot,
  SourceSnapshot,
  TargetSnapshot,
  UserSnapshot,
} from './import-snapshot.js';
import { planHasWrites } from './import-plan.js';
import { planImport } from './plan-import.js';

const POLICY: IdentityProviderSnapshot = {
  AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
  IdentityCenterConfiguration: { InstanceArn: 'arn:i', ApplicationArn: 'arn:a' },
  PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: 90 },
};

function user(name: string, extra: Partial<UserSnapshot> = {}): UserSnapshot {
  return {
    id: `src-${name}`,
    name,
    email: `${name}@example.com`,
    displayName: `User ${name}`,
    state: 'ENABLED',
    role: 'USER',
    hiddenFromGlobalAddressList: false,
    attributes: {},
    ...extra,
  };
}

function source(users: UserSnapshot[], extra: Partial<SourceSnapshot> = {}): SourceSnapshot {
  return {
    organizationId: 'm-src',
    alias: 'acme',
    domains: ['acme.awsapps.com', 'example.com', 'example.org'],
    users,
    identityProvider: POLICY,
    tokens: [],
    ...extra,
  };
}

function target(users: UserSnapshot[] = [], extra: Partial<TargetSnapshot> = {}): TargetSnapshot {
  return {
    organization: {
      id: 'm-dst',
      alias: 'acme',
      domains: ['acme.awsapps.com', 'example.com', 'example.org'],
    },
    users,
    identityProvider: POLICY,
    domainsOfOthers: new Map(),
    ...extra,
  };
}

const copyOf = (u: UserSnapshot): UserSnapshot => ({ ...u, id: `dst-${u.name}` });

describe('planImport', () => {
  it('creates the organization with its own domains, without the awsapps.com test domain', () => {
    const plan = planImport(source([]), { users: [], domainsOfOthers: new Map() });
    expect(plan.organization).toMatchObject({ domains: ['example.com', 'example.org'] });
    expect(plan.organization.organizationId).toBeUndefined();
    expect(plan.identityProvider).toEqual(POLICY);
    expect(planHasWrites(plan)).toBe(true);
  });

  it('creates, names and registers an ENABLED user; a DISABLED one is created only', () => {
    const plan = planImport(
      source([
        user('ada', { attributes: { City: 'Paris', FirstName: 'Ada' } }),
        user('bob', { state: 'DISABLED', email: undefined }),
      ]),
      target(),
    );
    expect(plan.users[0]!.steps.map((s) => s.kind)).toEqual([
      'CreateUser',
      'UpdateUser',
      'RegisterToWorkMail',
    ]);
    expect(plan.users[0]!.steps[0]).toMatchObject({ input: { Name: 'ada', FirstName: 'Ada' } });
    expect(plan.users[0]!.steps[1]).toEqual({ kind: 'UpdateUser', patch: { City: 'Paris' } });
    expect(plan.users[1]!.steps.map((s) => s.kind)).toEqual(['CreateUser']);
  });

  it('plans nothing when the target already matches (a second run)', () => {
    const users = [user('ada'), user('bob', { state: 'DISABLED', email: undefined })];
    const plan = planImport(source(users), target(users.map(copyOf)));
    expect(plan.users.map((u) => u.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(plan.users[0]!.targetUserId).toBe('dst-ada');
    expect(planHasWrites(plan)).toBe(false);
  });

  it('finishes a user an interrupted run created but did not register', () => {
    const ada = user('ada');
    const half = { ...copyOf(ada), state: 'DISABLED', email: undefined };
    const plan = planImport(source([ada]), target([half]));
    expect(plan.users[0]).toMatchObject({ outcome: 'update', targetUserId: 'dst-ada' });
    expect(plan.users[0]!.steps).toEqual([
      { kind: 'RegisterToWorkMail', email: 'ada@example.com' },
    ]);
  });

  it('reports a user name that has another address in the target as a conflict', () => {
    const other = { ...copyOf(user('ada')), email: 'ada@elsewhere.com' };
    const plan = planImport(source([user('ada')]), target([other]));
    expect(plan.users[0]!.outcome).toBe('conflict');
    expect(plan.conflicts).toEqual([
      "user ada: the target's user ada has the address ada@elsewhere.com; the source's has the address ada@example.com",
    ]);
  });

  it('reports an address held by another target user as a conflict, in any case', () => {
    const holder = { ...copyOf(user('zed')), email: 'ADA@example.com' };
    const plan = planImport(source([user('ada')]), target([holder]));
    expect(plan.conflicts).toEqual([
      "user ada: the address ada@example.com belongs to the target's user zed",
    ]);
  });

  it('matches user names case-insensitively and updates what differs', () => {
    const target_ = {
      ...copyOf(user('ada')),
      name: 'ADA',
      displayName: 'Old',
      attributes: { City: 'Rome' },
    };
    const plan = planImport(source([user('ada')]), target([target_]));
    expect(plan.users[0]!.steps).toEqual([
      { kind: 'UpdateUser', patch: { DisplayName: 'User ada', City: '' } },
    ]);
  });

  it('does not import DELETED users and says why', () => {
    const plan = planImport(
      source([user('gone', { state: 'DELETED', email: undefined })]),
      target(),
    );
    expect(plan.users[0]).toMatchObject({
      outcome: 'not-imported',
      reason: 'deleted in the source',
    });
  });

  it('blocks when a domain belongs to another target organization', () => {
    const plan = planImport(source([]), {
      users: [],
      domainsOfOthers: new Map([['example.org', 'other']]),
    });
    expect(plan.blockers).toEqual([
      "the domain example.org belongs to the target's organization other",
    ]);
  });

  it('blocks when the target organization lacks a source domain', () => {
    const t = target();
    t.organization!.domains = ['acme.awsapps.com', 'example.com'];
    expect(planImport(source([]), t).blockers).toEqual([
      "the target's organization acme (m-dst) does not have the domain(s) example.org",
    ]);
  });

  it('blocks more domains than CreateOrganization takes', () => {
    const domains = ['a.com', 'b.com', 'c.com', 'd.com', 'e.com', 'f.com'];
    const plan = planImport(source([], { domains }), { users: [], domainsOfOthers: new Map() });
    expect(plan.blockers[0]).toMatch(/6 mail domains; CreateOrganization takes at most 5/);
  });

  it('puts the policy only when the target differs', () => {
    const t = target([], {
      identityProvider: {
        ...POLICY,
        PersonalAccessTokenConfiguration: { Status: 'INACTIVE', LifetimeInDays: 90 },
      },
    });
    expect(planImport(source([]), t).identityProvider).toEqual(POLICY);
    expect(
      planImport(source([], { identityProvider: undefined }), t).identityProvider,
    ).toBeUndefined();
  });
});
