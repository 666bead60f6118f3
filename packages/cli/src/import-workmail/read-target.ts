/**
 * Reads what the target holds now: its live organization with the source's alias (its
 * domains, users and configuration), and the domains of its other organizations.
 * @module
 */
import { paginateListOrganizations } from '@mailpat/client';
import type { TargetApi } from './import-api.js';
import type { TargetSnapshot } from './import-snapshot.js';
import type { Progress } from './progress.js';
import { readDomains, readIdentityProvider, readUsers } from './read-snapshot-parts.js';

/** Reads the target's state for an organization called `alias`. */
export async function readTarget(
  api: TargetApi,
  alias: string,
  options: { concurrency: number; progress: Progress },
): Promise<TargetSnapshot> {
  const live: { id: string; alias: string }[] = [];
  for await (const page of paginateListOrganizations({ client: api }, {})) {
    for (const org of page.OrganizationSummaries ?? []) {
      if (org.OrganizationId && org.State === 'Active') {
        live.push({ id: org.OrganizationId, alias: org.Alias ?? '' });
      }
    }
  }
  const mine = live.find((org) => org.alias.toLowerCase() === alias.toLowerCase());
  const domainsOfOthers = new Map<string, string>();
  for (const other of live) {
    if (other === mine) continue;
    for (const domain of await readDomains(api, other.id)) domainsOfOthers.set(domain, other.alias);
  }
  if (!mine) return { users: [], domainsOfOthers };
  return {
    organization: { ...mine, domains: await readDomains(api, mine.id) },
    users: await readUsers(api, mine.id, {
      ...options,
      label: 'Reading target',
      skipDeleted: true,
    }),
    identityProvider: await readIdentityProvider(api, mine.id),
    domainsOfOthers,
  };
}
