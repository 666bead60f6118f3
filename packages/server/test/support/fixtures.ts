/**
 * Builds organizations, users and tokens through the admin API for end-to-end tests.
 * @module
 */
import type { MailpatProcess } from './mailpat-process.js';
import { call } from './signed-request.js';

export const WM = (op: string) => `WorkMailService.${op}`;
export const MP = (op: string) => `MailpatService.${op}`;

export const IDENTITY_CENTER = {
  InstanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
  ApplicationArn:
    'arn:aws:sso::111122223333:application/ssoins-1111111111111111/apl-1111111111111111',
};

export interface OrgFixture {
  organizationId: string;
  alias: string;
  users: { id: string; name: string; email: string }[];
}

let aliasCounter = 0;

/** An organization with an ACTIVE PAT policy and `userCount` registered (ENABLED) users. */
export async function createOrgWithUsers(
  server: MailpatProcess,
  userCount: number,
  lifetimeInDays = 30,
): Promise<OrgFixture> {
  const alias = `org-${process.pid}-${Date.now().toString(36)}-${aliasCounter++}`;
  const { OrganizationId } = (await call(server, WM('CreateOrganization'), { Alias: alias })) as {
    OrganizationId: string;
  };
  await call(server, WM('PutIdentityProviderConfiguration'), {
    OrganizationId,
    AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
    IdentityCenterConfiguration: IDENTITY_CENTER,
    PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: lifetimeInDays },
  });
  const users = [];
  for (let i = 0; i < userCount; i++) {
    const name = `user${i}`;
    const email = `${name}@${alias}.awsapps.com`;
    const { UserId } = (await call(server, WM('CreateUser'), {
      OrganizationId,
      Name: name,
      DisplayName: `User ${i}`,
    })) as { UserId: string };
    await call(server, WM('RegisterToWorkMail'), {
      OrganizationId,
      EntityId: UserId,
      Email: email,
    });
    users.push({ id: UserId, name, email });
  }
  return { organizationId: OrganizationId, alias, users };
}

/** Creates a token through MailpatService.CreatePersonalAccessToken; returns its ID and secret. */
export async function createToken(
  server: MailpatProcess,
  organizationId: string,
  userId: string,
  name = 'token',
  extra: Record<string, unknown> = {},
): Promise<{ id: string; secret: string }> {
  const out = (await call(server, MP('CreatePersonalAccessToken'), {
    OrganizationId: organizationId,
    UserId: userId,
    Name: name,
    ...extra,
  })) as { PersonalAccessTokenId: string; Token: string };
  return { id: out.PersonalAccessTokenId, secret: out.Token };
}

/** Every token ID of the organization, in listing order, following NextToken to the end. */
export async function listAllTokenIds(
  server: MailpatProcess,
  organizationId: string,
): Promise<string[]> {
  const ids: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = (await call(server, WM('ListPersonalAccessTokens'), {
      OrganizationId: organizationId,
      ...(NextToken ? { NextToken } : {}),
    })) as {
      PersonalAccessTokenSummaries: { PersonalAccessTokenId: string }[];
      NextToken?: string;
    };
    ids.push(...page.PersonalAccessTokenSummaries.map((t) => t.PersonalAccessTokenId));
    NextToken = page.NextToken;
  } while (NextToken);
  return ids;
}
