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
  const organization = await store.getOrganization(organizationId);
  requireActiveState(organizationId, organization?.state);
  return organization!;
}

/**
 * Throws what requireActiveOrganization throws for an organization in `state` (undefined: there
 * is none), for callers that read the state along with something else in one query.
 */
export function requireActiveState(organizationId: string, state: string | undefined): void {
  if (state === undefined) {
    throw new OrganizationNotFoundException(`Organization ${organizationId} does not exist.`);
  }
  if (state !== 'Active') {
    throw new OrganizationStateException(`Organization ${organizationId} is in state ${state}.`);
  }
}

/** True for the errors requireActiveState throws. */
export function isOrganizationError(error: unknown): boolean {
  return (
    error instanceof OrganizationNotFoundException || error instanceof OrganizationStateException
  );
}

/** WorkMail gives every organization a test mail domain named after its alias. */
export function defaultMailDomainFor(alias: string): string {
  return `${alias.toLowerCase()}.awsapps.com`;
}

/** The ARN WorkMail reports for an organization (mailpat has no account: a fixed one). */
export function organizationArn(region: string, organizationId: string): string {
  return `arn:aws:workmail:${region}:000000000000:organization/${organizationId}`;
}
