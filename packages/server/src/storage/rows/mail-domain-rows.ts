/**
 * An organization's mail domains as mail_domains rows.
 *
 * @module
 */
import type { OrganizationRecord } from '../../domain/records.js';
import type { MailDomainsTable } from '../schema.js';

/**
 * Each domain of the organization once, its default domain included, lowercased and sorted:
 * two transactions claiming overlapping domains then wait on each other in one order instead of
 * deadlocking.
 */
export function mailDomainRows(
  org: Pick<OrganizationRecord, 'id' | 'defaultMailDomain' | 'domains'>,
): MailDomainsTable[] {
  const domains = new Set([org.defaultMailDomain, ...org.domains].map((d) => d.toLowerCase()));
  return [...domains].sort().map((domain_lower) => ({ domain_lower, organization_id: org.id }));
}
