/**
 * The import plan: a pure function of what the source holds and what the target holds now, so
 * a second run plans nothing and an interrupted run, run again, plans only what is missing.
 * @module
 */
import type {
  IdentityProviderSnapshot,
  SourceSnapshot,
  TargetSnapshot,
} from './import-snapshot.js';
import type { ImportPlan, OrganizationPlan } from './import-plan.js';
import { indexTargetUsers, planUser } from './plan-users.js';

/** CreateOrganization's `Domains` takes at most this many (the model's limit). */
export const MAX_CREATE_DOMAINS = 5;

/** Plans the import of `source` into `target`. */
export function planImport(source: SourceSnapshot, target: TargetSnapshot): ImportPlan {
  const blockers: string[] = [];
  const notes: string[] = [];
  const organization = planOrganization(source, target, blockers);
  const identityProvider = planIdentityProvider(source, target, notes);
  const index = indexTargetUsers(target.users);
  const users = source.users.map((user) => planUser(user, index));
  const conflicts = users
    .filter((user) => user.outcome === 'conflict')
    .map((user) => `user ${user.source.name}: ${user.reason}`);
  for (const user of source.users) {
    if (user.state === 'DISABLED' && user.email) {
      notes.push(
        `user ${user.name} is DISABLED with the address ${user.email}; mailpat keeps an address ` +
          'only on ENABLED users, so it is imported DISABLED without one',
      );
    }
  }
  if (source.defaultMailDomain && source.defaultMailDomain !== defaultDomainOf(source.alias)) {
    notes.push(
      `the source's default mail domain is ${source.defaultMailDomain}; mailpat's is always ` +
        `${defaultDomainOf(source.alias)}`,
    );
  }
  return { organization, identityProvider, users, blockers, conflicts, notes };
}

/** WorkMail's (and mailpat's) test domain for an alias. */
function defaultDomainOf(alias: string): string {
  return `${alias.toLowerCase()}.awsapps.com`;
}

/** True for WorkMail's `*.awsapps.com` test domains, which the target makes itself. */
function isTestDomain(domain: string): boolean {
  return domain === 'awsapps.com' || domain.endsWith('.awsapps.com');
}

function planOrganization(
  source: SourceSnapshot,
  target: TargetSnapshot,
  blockers: string[],
): OrganizationPlan {
  const domains = source.domains.filter((domain) => !isTestDomain(domain));
  const existing = target.organization;
  if (existing) {
    const missing = domains.filter((domain) => !existing.domains.includes(domain));
    if (missing.length > 0) {
      blockers.push(
        `the target's organization ${existing.alias} (${existing.id}) does not have the ` +
          `domain(s) ${missing.join(', ')}`,
      );
    }
    return { alias: source.alias, organizationId: existing.id, domains };
  }
  for (const domain of domains) {
    const holder = target.domainsOfOthers.get(domain);
    if (holder !== undefined) {
      blockers.push(`the domain ${domain} belongs to the target's organization ${holder}`);
    }
  }
  if (domains.length > MAX_CREATE_DOMAINS) {
    blockers.push(
      `the source has ${domains.length} mail domains; CreateOrganization takes at most ` +
        `${MAX_CREATE_DOMAINS}`,
    );
  }
  return { alias: source.alias, domains, interoperabilityEnabled: source.interoperabilityEnabled };
}

function planIdentityProvider(
  source: SourceSnapshot,
  target: TargetSnapshot,
  notes: string[],
): ImportPlan['identityProvider'] {
  const wanted = source.identityProvider;
  if (!wanted) return undefined;
  const { AuthenticationMode, IdentityCenterConfiguration, PersonalAccessTokenConfiguration } =
    wanted;
  if (!AuthenticationMode || !IdentityCenterConfiguration || !PersonalAccessTokenConfiguration) {
    notes.push(
      'the source has an incomplete identity provider configuration, which ' +
        'PutIdentityProviderConfiguration cannot take; it is not copied',
    );
    return undefined;
  }
  const complete = {
    AuthenticationMode,
    IdentityCenterConfiguration,
    PersonalAccessTokenConfiguration,
  };
  return sameConfiguration(complete, target.identityProvider) ? undefined : complete;
}

function sameConfiguration(
  a: IdentityProviderSnapshot,
  b: IdentityProviderSnapshot | undefined,
): boolean {
  if (!b) return false;
  const key = (c: IdentityProviderSnapshot) =>
    JSON.stringify([
      c.AuthenticationMode,
      c.IdentityCenterConfiguration?.InstanceArn,
      c.IdentityCenterConfiguration?.ApplicationArn,
      c.PersonalAccessTokenConfiguration?.Status,
      c.PersonalAccessTokenConfiguration?.LifetimeInDays,
    ]);
  return key(a) === key(b);
}
