/**
 * The plan in words: a summary, and with `--dry-run` every write it would make.
 * @module
 */
import type { ImportPlan, UserStep } from './import-plan.js';

/** One line per planned write, after a summary; `full` false gives the summary only. */
export function describePlan(plan: ImportPlan, full: boolean): string {
  const lines = [summarize(plan)];
  if (!full) return `${lines.join('\n')}\n`;
  const { organization, identityProvider } = plan;
  if (organization.organizationId === undefined) {
    const domains = organization.domains.length ? organization.domains.join(', ') : 'none';
    lines.push(`  create organization ${organization.alias} (domains: ${domains})`);
  }
  if (identityProvider) {
    const pat = identityProvider.PersonalAccessTokenConfiguration;
    const days = pat.LifetimeInDays === undefined ? '' : `, ${pat.LifetimeInDays} days`;
    lines.push(
      `  put identity provider configuration (${identityProvider.AuthenticationMode}; ` +
        `personal access tokens ${pat.Status}${days})`,
    );
  }
  for (const user of plan.users) {
    if (user.steps.length === 0) continue;
    const verb = user.outcome === 'create' ? 'create' : 'update';
    lines.push(`  ${verb} user ${user.source.name}: ${user.steps.map(describeStep).join(', ')}`);
  }
  for (const user of plan.users) {
    if (user.outcome === 'conflict' || user.outcome === 'not-imported') {
      lines.push(`  skip user ${user.source.name}: ${user.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function summarize(plan: ImportPlan): string {
  const count = (outcome: string) => plan.users.filter((u) => u.outcome === outcome).length;
  const organization =
    plan.organization.organizationId === undefined
      ? `organization ${plan.organization.alias} to create`
      : `organization ${plan.organization.alias} exists (${plan.organization.organizationId})`;
  const policy = plan.identityProvider
    ? 'identity provider configuration to put'
    : 'policy as in the source';
  return (
    `Plan: ${organization}; ${policy}; users: ${count('create')} to create, ` +
    `${count('update')} to update, ${count('unchanged')} unchanged, ` +
    `${count('not-imported')} not imported, ${count('conflict')} in conflict.`
  );
}

function describeStep(step: UserStep): string {
  switch (step.kind) {
    case 'CreateUser':
      return `CreateUser ${step.input.Name}`;
    case 'UpdateUser':
      return `UpdateUser ${Object.keys(step.patch).join(' ')}`;
    case 'RegisterToWorkMail':
      return `RegisterToWorkMail ${step.email}`;
  }
}
