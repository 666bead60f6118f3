/**
 * Builds a source organization for `mailpat import-workmail` through the API, and reads an
 * organization back in a form two installations can be compared in (no IDs, no dates).
 * @module
 */
import type { WorkMailClient } from '@mailpat/client';
import type { MailpatProcess } from './mailpat-process.js';

/** A client signed with the server's root credentials. */
export async function clientFor(server: MailpatProcess): Promise<WorkMailClient> {
  const { WorkMailClient } = await import('@mailpat/client');
  return new WorkMailClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
  });
}

/** The source's users, by what they exercise. */
export interface ImportSource {
  organizationId: string;
  alias: string;
  domains: string[];
  /** Source user ID by user name. */
  userIds: Map<string, string>;
  /** Every token's (user name, token name). */
  tokens: { user: string; name: string }[];
}

/**
 * An organization with three domains, a PAT policy, and users in every state: ENABLED with
 * tokens and attributes, DISABLED (never registered), DISABLED (deregistered, with a token
 * that stays), DELETED; then `extraUsers` more ENABLED users with one token each.
 */
export async function createImportSource(
  client: WorkMailClient,
  tag: string,
  extraUsers = 0,
): Promise<ImportSource> {
  const alias = `imp-${tag}`;
  const domains = [`a-${tag}.example`, `b-${tag}.example`, `c-${tag}.example.org`];
  const { OrganizationId } = await client.createOrganization({
    Alias: alias,
    Domains: domains.map((DomainName) => ({ DomainName })),
  });
  const org = OrganizationId!;
  await client.putIdentityProviderConfiguration({
    OrganizationId: org,
    AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
    IdentityCenterConfiguration: {
      InstanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
      ApplicationArn:
        'arn:aws:sso::111122223333:application/ssoins-1111111111111111/apl-1111111111111111',
    },
    PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: 120 },
  });
  const source: ImportSource = {
    organizationId: org,
    alias,
    domains,
    userIds: new Map(),
    tokens: [],
  };
  const user = async (name: string, extra: Record<string, unknown> = {}) => {
    const { UserId } = await client.createUser({
      OrganizationId: org,
      Name: name,
      DisplayName: `Display ${name}`,
      ...extra,
    });
    source.userIds.set(name, UserId!);
    return UserId!;
  };
  const register = (id: string, email: string) =>
    client.registerToWorkMail({ OrganizationId: org, EntityId: id, Email: email });
  const token = async (userName: string, name: string, scopes: string[]) => {
    await client.createPersonalAccessToken({
      OrganizationId: org,
      UserId: source.userIds.get(userName)!,
      Name: name,
      Scopes: scopes,
      ExpiresInDays: 60,
    });
    source.tokens.push({ user: userName, name });
  };
  const ada = await user('ada', { FirstName: 'Ada', LastName: 'Lovelace' });
  await client.updateUser({
    OrganizationId: org,
    UserId: ada,
    City: 'London',
    JobTitle: 'Analyst',
  });
  await register(ada, `ada@${domains[0]}`);
  await token('ada', 'laptop', ['IMAP', 'SMTP']);
  await token('ada', 'phone', ['IMAP']);
  await register(await user('bob', { HiddenFromGlobalAddressList: true }), `Bob@${domains[1]}`);
  await token('bob', 'mail client', ['POP3']);
  await user('carol');
  const dave = await user('dave');
  await register(dave, `dave@${domains[2]}`);
  await token('dave', 'old laptop', ['IMAP']);
  await client.deregisterFromWorkMail({ OrganizationId: org, EntityId: dave });
  const eve = await user('eve');
  await client.deleteUser({ OrganizationId: org, UserId: eve });
  for (let i = 0; i < extraUsers; i++) {
    const name = `user${String(i).padStart(4, '0')}`;
    await register(await user(name), `${name}@${domains[i % 3]}`);
    await token(name, `token ${i}`, ['IMAP']);
  }
  return source;
}

/** Members that differ between installations by nature: IDs and the dates of each write. */
const INSTALLATION_MEMBERS = new Set([
  '$metadata',
  'UserId',
  'OrganizationId',
  'ARN',
  'CompletedDate',
  'EnabledDate',
  'DisabledDate',
  'MailboxProvisionedDate',
  'MailboxDeprovisionedDate',
]);

function comparable(value: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => !INSTALLATION_MEMBERS.has(key)),
  );
}

/**
 * What DescribeOrganization, ListMailDomains, DescribeIdentityProviderConfiguration, ListUsers
 * and DescribeUser answer for an organization, without IDs and dates. DELETED users are left
 * out: the import does not copy them.
 */
export async function readComparable(client: WorkMailClient, organizationId: string) {
  const { paginateListUsers } = await import('@mailpat/client');
  const OrganizationId = organizationId;
  const organization = comparable(await client.describeOrganization({ OrganizationId }));
  const { MailDomains } = await client.listMailDomains({ OrganizationId });
  const policy = comparable(await client.describeIdentityProviderConfiguration({ OrganizationId }));
  const listed = [];
  for await (const page of paginateListUsers({ client }, { OrganizationId })) {
    listed.push(...(page.Users ?? []).filter((u) => u.State !== 'DELETED'));
  }
  listed.sort((a, b) => a.Name!.localeCompare(b.Name!));
  const described = [];
  for (const user of listed) {
    described.push(comparable(await client.describeUser({ OrganizationId, UserId: user.Id! })));
  }
  const summaries = listed.map((user) =>
    comparable(Object.fromEntries(Object.entries(user).filter(([key]) => key !== 'Id'))),
  );
  return { organization, domains: MailDomains, policy, users: summaries, described };
}
