/**
 * Writes a plan to the target: the organization first, then its identity provider
 * configuration, then each user's steps in order (users side by side). Each write is one the
 * next run would plan again if it had not happened, so a run stopped anywhere converges.
 * @module
 */
import type { TargetApi } from './import-api.js';
import { ImportStepError } from './import-errors.js';
import type { ImportPlan, UserPlan, UserStep } from './import-plan.js';
import type { Progress } from './progress.js';
import { runConcurrently } from './run-concurrently.js';

/** What the writes produced: the target organization and each user's target ID. */
export interface ApplyResult {
  organizationId: string;
  /** Source user ID -> target user ID, for every user that has one in the target. */
  userIds: Map<string, string>;
}

/** Applies `plan` (conflicting and not-imported users are left out). */
export async function applyPlan(
  api: TargetApi,
  plan: ImportPlan,
  options: { concurrency: number; progress: Progress },
): Promise<ApplyResult> {
  const organizationId = plan.organization.organizationId ?? (await createOrganization(api, plan));
  if (plan.identityProvider) {
    await step(`organization ${plan.organization.alias}`, 'PutIdentityProviderConfiguration', () =>
      api.putIdentityProviderConfiguration({
        OrganizationId: organizationId,
        ...plan.identityProvider!,
      }),
    );
  }
  const userIds = new Map<string, string>();
  for (const user of plan.users) {
    if (user.targetUserId && user.outcome !== 'conflict') {
      userIds.set(user.source.id, user.targetUserId);
    }
  }
  const writing = plan.users.filter((user) => user.steps.length > 0 && user.outcome !== 'conflict');
  options.progress.start('Writing users', writing.length);
  try {
    await runConcurrently(writing, options.concurrency, async (user) => {
      userIds.set(user.source.id, await applyUser(api, organizationId, user));
      options.progress.increment();
    });
  } finally {
    options.progress.stop();
  }
  return { organizationId, userIds };
}

async function createOrganization(api: TargetApi, plan: ImportPlan): Promise<string> {
  const { alias, domains, interoperabilityEnabled } = plan.organization;
  const created = await step(`organization ${alias}`, 'CreateOrganization', () =>
    api.createOrganization({
      Alias: alias,
      Domains: domains.map((DomainName) => ({ DomainName })),
      ...(interoperabilityEnabled ? { EnableInteroperability: true } : {}),
    }),
  );
  return created.OrganizationId!;
}

/** Runs one user's steps; resolves with its target user ID. */
async function applyUser(api: TargetApi, organizationId: string, user: UserPlan): Promise<string> {
  let userId = user.targetUserId;
  for (const current of user.steps) {
    userId = await applyStep(api, organizationId, userId, current, `user ${user.source.name}`);
  }
  return userId!;
}

async function applyStep(
  api: TargetApi,
  OrganizationId: string,
  userId: string | undefined,
  current: UserStep,
  subject: string,
): Promise<string> {
  switch (current.kind) {
    case 'CreateUser': {
      const out = await step(subject, current.kind, () =>
        api.createUser({ OrganizationId, ...current.input }),
      );
      return out.UserId!;
    }
    case 'UpdateUser':
      await step(subject, current.kind, () =>
        api.updateUser({ OrganizationId, UserId: userId!, ...current.patch }),
      );
      return userId!;
    case 'RegisterToWorkMail':
      await step(subject, current.kind, () =>
        api.registerToWorkMail({ OrganizationId, EntityId: userId!, Email: current.email }),
      );
      return userId!;
  }
}

async function step<T>(subject: string, operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (cause) {
    throw new ImportStepError(subject, operation, { cause });
  }
}
