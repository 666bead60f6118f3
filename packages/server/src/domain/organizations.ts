/**
 * Rules about organizations that hold whatever the store is.
 * @module
 */
import { OrganizationNotFoundException, OrganizationStateException } from '../errors/index.js';
import type { Store } from '../storage/store.js';
import type { OrganizationRecord } from './records.js';

/** The organization, or OrganizationNotFoundException. Deleted ones are still returned. */
export async function requireOrganization(
  store: Store,
  organizationId: string,
): Promise<OrganizationRecord> {
  const organization = await store.getOrganization(organizationId);
  if (!organization) {
    throw new OrganizationNotFoundException(`Organization ${organizationId} does not exist.`);
  }
  return organization;
}

/** The organization when it is Active; a deleted one is an OrganizationStateException. */
export async function requireActiveOrganization(
  store: Store,
  organizationId: string,
): Promise<OrganizationRecord> {
  const organization = await requireOrganization(store, organizationId);
  if (organization.state !== 'Active') {
    throw new OrganizationStateException(
      `Organization ${organizationId} is in state ${organization.state}.`,
    );
  }
  return organization;
}

/** WorkMail gives every organization a test mail domain named after its alias. */
export function defaultMailDomainFor(alias: string): string {
  return `${alias.toLowerCase()}.awsapps.com`;
}

/** The ARN WorkMail reports for an organization (mailpat has no account: a fixed one). */
export function organizationArn(region: string, organizationId: string): string {
  return `arn:aws:workmail:${region}:000000000000:organization/${organizationId}`;
}
