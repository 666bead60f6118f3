/**
 * Reads of the import shared by both sides: every page of a listing, a user's DescribeUser,
 * the identity provider configuration.
 * @module
 */
import { createPaginator, isWorkMailServiceException, paginateListUsers } from '@mailpat/client';
import type { DescribeUserResponse, User } from '@mailpat/client';
import type { MailDomainLister, SourceApi } from './import-api.js';
import type { IdentityProviderSnapshot, UserSnapshot } from './import-snapshot.js';
import { USER_ATTRIBUTES } from '@mailpat/model';
import type { Progress } from './progress.js';
import { runConcurrently } from './run-concurrently.js';

/** Calls at once per side: enough to hide round trips, few enough to stay under throttling. */
export const DEFAULT_CONCURRENCY = 8;

const paginateListMailDomains = createPaginator(
  'listMailDomains',
  'NextToken',
  'NextToken',
  'MaxResults',
);

/** Every mail domain of the organization, lowercased. */
export async function readDomains(
  api: MailDomainLister,
  organizationId: string,
): Promise<string[]> {
  const domains: string[] = [];
  for await (const page of paginateListMailDomains(
    { client: api },
    { OrganizationId: organizationId },
  )) {
    for (const domain of page.MailDomains ?? []) {
      if (domain.DomainName) domains.push(domain.DomainName.toLowerCase());
    }
  }
  return domains;
}

/**
 * Every user of the organization, described one by one (ListUsers leaves out attributes).
 * DELETED users are not described (nothing of them is copied, and a service may refuse to
 * describe them): the listing's summary stands for them, or they are left out (`skipDeleted`).
 */
export async function readUsers(
  api: SourceApi,
  organizationId: string,
  options: { concurrency: number; progress: Progress; label: string; skipDeleted: boolean },
): Promise<UserSnapshot[]> {
  const summaries: User[] = [];
  for await (const page of paginateListUsers({ client: api }, { OrganizationId: organizationId })) {
    summaries.push(...(page.Users ?? []).filter((user) => user.Id));
  }
  const wanted = options.skipDeleted ? summaries.filter((u) => u.State !== 'DELETED') : summaries;
  options.progress.start(options.label, wanted.length);
  try {
    return await runConcurrently(wanted, options.concurrency, async (summary) => {
      const described =
        summary.State === 'DELETED'
          ? { ...summary, UserId: summary.Id }
          : await api.describeUser({ OrganizationId: organizationId, UserId: summary.Id! });
      options.progress.increment();
      return toUserSnapshot(summary.Id!, described);
    });
  } finally {
    options.progress.stop();
  }
}

/** DescribeUser's answer, reduced to what the import compares and copies. */
export function toUserSnapshot(id: string, user: DescribeUserResponse): UserSnapshot {
  const attributes: UserSnapshot['attributes'] = {};
  for (const name of USER_ATTRIBUTES) {
    const value = user[name];
    if (value) attributes[name] = value;
  }
  return {
    id: user.UserId ?? id,
    name: user.Name ?? '',
    email: user.Email || undefined,
    displayName: user.DisplayName,
    state: user.State ?? 'DISABLED',
    role: user.UserRole,
    hiddenFromGlobalAddressList: user.HiddenFromGlobalAddressList,
    attributes,
  };
}

/** The configuration, or undefined when the organization has none (ResourceNotFound). */
export async function readIdentityProvider(
  api: SourceApi,
  organizationId: string,
): Promise<IdentityProviderSnapshot | undefined> {
  try {
    const found = await api.describeIdentityProviderConfiguration({
      OrganizationId: organizationId,
    });
    return {
      AuthenticationMode: found.AuthenticationMode,
      IdentityCenterConfiguration: found.IdentityCenterConfiguration,
      PersonalAccessTokenConfiguration: found.PersonalAccessTokenConfiguration,
    };
  } catch (error) {
    if (isWorkMailServiceException(error) && error.name === 'ResourceNotFoundException') {
      return undefined;
    }
    throw error;
  }
}
