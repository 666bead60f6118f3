/**
 * Reads the source organization: DescribeOrganization, ListMailDomains, ListUsers and
 * DescribeUser, DescribeIdentityProviderConfiguration, ListPersonalAccessTokens (metadata only:
 * a token's secret never leaves WorkMail).
 * @module
 */
import { paginateListPersonalAccessTokens } from '@mailpat/client';
import type { SourceApi } from './import-api.js';
import type { SourceSnapshot, TokenSnapshot } from './import-snapshot.js';
import type { Progress } from './progress.js';
import { readDomains, readIdentityProvider, readUsers } from './read-snapshot-parts.js';

/** Reads everything the import copies or reports from the source organization. */
export async function readSource(
  api: SourceApi,
  organizationId: string,
  options: { concurrency: number; progress: Progress },
): Promise<SourceSnapshot> {
  const organization = await api.describeOrganization({ OrganizationId: organizationId });
  const domains = await readDomains(api, organizationId);
  const identityProvider = await readIdentityProvider(api, organizationId);
  const users = await readUsers(api, organizationId, {
    ...options,
    label: 'Reading users',
    skipDeleted: false,
  });
  const tokens = await readTokens(api, organizationId);
  return {
    organizationId,
    alias: organization.Alias ?? '',
    defaultMailDomain: organization.DefaultMailDomain?.toLowerCase(),
    interoperabilityEnabled: organization.InteroperabilityEnabled,
    domains,
    users,
    identityProvider,
    tokens,
  };
}

/** Every token of the organization, all users at once (UserId is optional in the model). */
async function readTokens(api: SourceApi, organizationId: string): Promise<TokenSnapshot[]> {
  const tokens: TokenSnapshot[] = [];
  const pages = paginateListPersonalAccessTokens(
    { client: api },
    { OrganizationId: organizationId },
  );
  for await (const page of pages) {
    for (const token of page.PersonalAccessTokenSummaries ?? []) {
      tokens.push({
        id: token.PersonalAccessTokenId ?? '',
        userId: token.UserId ?? '',
        name: token.Name ?? '',
        scopes: token.Scopes ?? [],
        dateCreated: token.DateCreated,
        dateLastUsed: token.DateLastUsed,
        expiresTime: token.ExpiresTime,
      });
    }
  }
  return tokens;
}
