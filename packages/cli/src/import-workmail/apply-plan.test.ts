import { describe, expect, it } from 'vitest';
import { applyPlan } from './apply-plan.js';
import type { TargetApi } from './import-api.js';
import { ImportStepError } from './import-errors.js';
import type { ImportPlan, UserPlan } from './import-plan.js';
import { SILENT_PROGRESS } from './progress.js';

/** A target that records each write and fails the ones `fails` names. */
function fakeTarget(fails: (operation: string, input: Record<string, unknown>) => boolean) {
  const calls: string[] = [];
  let next = 0;
  const write =
    (operation: string, output: () => object = () => ({})) =>
    async (input: Record<string, unknown>) => {
      calls.push(
        `${operation} ${String(input.Name ?? input.EntityId ?? input.UserId ?? input.Alias ?? input.OrganizationId)}`,
      );
      if (fails(operation, input))
        throw Object.assign(new Error('refused'), { name: 'EntityStateException' });
      return output();
    };
  const api = {
    createOrganization: write('CreateOrganization', () => ({ OrganizationId: 'm-new' })),
    putIdentityProviderConfiguration: write('PutIdentityProviderConfiguration'),
    createUser: write('CreateUser', () => ({ UserId: `new-${next++}` })),
    updateUser: write('UpdateUser'),
    registerToWorkMail: write('RegisterToWorkMail'),
  } as unknown as TargetApi;
  return { api, calls };
}

function userPlan(name: string, steps: UserPlan['steps'], targetUserId?: string): UserPlan {
  const source = { id: `src-${name}`, name, state: 'ENABLED', attributes: {} };
  return { source, outcome: targetUserId ? 'update' : 'create', targetUserId, steps };
}

const PLAN: ImportPlan = {
  organization: { alias: 'acme', domains: ['example.com'] },
  identityProvider: {
    AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
    IdentityCenterConfiguration: { InstanceArn: 'arn:i', ApplicationArn: 'arn:a' },
    PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: 30 },
  },
  users: [
    userPlan('ada', [
      { kind: 'CreateUser', input: { Name: 'ada', DisplayName: 'Ada' } },
      { kind: 'RegisterToWorkMail', email: 'ada@example.com' },
    ]),
    userPlan('bob', [{ kind: 'RegisterToWorkMail', email: 'bob@example.com' }], 'old-bob'),
    userPlan('cid', [], 'old-cid'),
  ],
  blockers: [],
  conflicts: [],
  notes: [],
};

describe('applyPlan', () => {
  it('creates the organization, puts the policy, then runs each user’s steps with its new ID', async () => {
    const { api, calls } = fakeTarget(() => false);
    const result = await applyPlan(api, PLAN, { concurrency: 1, progress: SILENT_PROGRESS });
    expect(calls).toEqual([
      'CreateOrganization acme',
      'PutIdentityProviderConfiguration m-new',
      'CreateUser ada',
      'RegisterToWorkMail new-0',
      'RegisterToWorkMail old-bob',
    ]);
    expect(result.organizationId).toBe('m-new');
    expect([...result.userIds]).toEqual([
      ['src-bob', 'old-bob'],
      ['src-cid', 'old-cid'],
      ['src-ada', 'new-0'],
    ]);
  });

  it('stops at a failed write, naming the user and the operation', async () => {
    const { api, calls } = fakeTarget((operation) => operation === 'RegisterToWorkMail');
    const applying = applyPlan(api, PLAN, { concurrency: 1, progress: SILENT_PROGRESS });
    await expect(applying).rejects.toThrow(ImportStepError);
    await expect(applying).rejects.toThrow(
      'RegisterToWorkMail for user ada failed (EntityStateException: refused)',
    );
    expect(calls.at(-1)).toBe('RegisterToWorkMail new-0');
  });
});
