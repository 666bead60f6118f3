/**
 * End to end with the real `@aws-sdk/client-workmail` against a real `mailpat serve`: every
 * WorkMail operation mailpat serves, and the SDK's own ListPersonalAccessTokens paginator.
 */
import {
  CreateOrganizationCommand,
  CreateUserCommand,
  DeleteIdentityProviderConfigurationCommand,
  DeleteOrganizationCommand,
  DeletePersonalAccessTokenCommand,
  DeleteUserCommand,
  DeregisterFromWorkMailCommand,
  DescribeIdentityProviderConfigurationCommand,
  DescribeOrganizationCommand,
  DescribeUserCommand,
  EntityStateException,
  GetPersonalAccessTokenMetadataCommand,
  ListOrganizationsCommand,
  ListPersonalAccessTokensCommand,
  ListUsersCommand,
  PutIdentityProviderConfigurationCommand,
  RegisterToWorkMailCommand,
  ResetPasswordCommand,
  ResourceNotFoundException,
  UpdateUserCommand,
  WorkMailClient,
  paginateListPersonalAccessTokens,
} from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_CENTER, MP, createToken } from '../support/fixtures.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { startMailpat } from '../support/mailpat-process.js';
import { call } from '../support/signed-request.js';

let server: MailpatProcess;
let client: WorkMailClient;

beforeAll(async () => {
  server = await startMailpat();
  client = new WorkMailClient({
    endpoint: server.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client?.destroy();
  expect(await server?.stop()).toBe(0);
});

describe('@aws-sdk/client-workmail against mailpat', () => {
  it('drives an organization, its PAT policy, a user and its tokens through their lifecycle', async () => {
    const { OrganizationId } = await client.send(
      new CreateOrganizationCommand({ Alias: 'sdk-lifecycle' }),
    );
    expect(OrganizationId).toMatch(/^m-[0-9a-f]{32}$/);

    const org = await client.send(new DescribeOrganizationCommand({ OrganizationId }));
    expect(org).toMatchObject({
      Alias: 'sdk-lifecycle',
      State: 'Active',
      DefaultMailDomain: 'sdk-lifecycle.awsapps.com',
    });
    expect(org.ARN).toBe(`arn:aws:workmail:eu-west-1:000000000000:organization/${OrganizationId}`);
    const orgs = await client.send(new ListOrganizationsCommand({}));
    expect(orgs.OrganizationSummaries?.map((o) => o.OrganizationId)).toContain(OrganizationId);

    await expect(
      client.send(new DescribeIdentityProviderConfigurationCommand({ OrganizationId })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await client.send(
      new PutIdentityProviderConfigurationCommand({
        OrganizationId,
        AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
        IdentityCenterConfiguration: IDENTITY_CENTER,
        PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: 7 },
      }),
    );
    const idp = await client.send(
      new DescribeIdentityProviderConfigurationCommand({ OrganizationId }),
    );
    expect(idp.PersonalAccessTokenConfiguration).toEqual({ Status: 'ACTIVE', LifetimeInDays: 7 });

    const { UserId } = await client.send(
      new CreateUserCommand({
        OrganizationId,
        Name: 'alice',
        DisplayName: 'Alice',
        Password: 'Corr3ct-horse',
      }),
    );
    expect(
      (await client.send(new DescribeUserCommand({ OrganizationId, UserId: 'alice' }))).State,
    ).toBe('DISABLED');
    await client.send(
      new RegisterToWorkMailCommand({
        OrganizationId,
        EntityId: UserId!,
        Email: 'alice@sdk-lifecycle.awsapps.com',
      }),
    );
    await client.send(
      new UpdateUserCommand({ OrganizationId, UserId: UserId!, City: 'Lisbon', Role: 'USER' }),
    );
    await client.send(
      new ResetPasswordCommand({ OrganizationId, UserId: UserId!, Password: 'N3w-Passw0rd!' }),
    );
    const alice = await client.send(
      new DescribeUserCommand({ OrganizationId, UserId: 'alice@sdk-lifecycle.awsapps.com' }),
    );
    expect(alice).toMatchObject({ UserId, Name: 'alice', State: 'ENABLED', City: 'Lisbon' });
    expect(alice.EnabledDate).toBeInstanceOf(Date);
    const users = await client.send(
      new ListUsersCommand({ OrganizationId, Filters: { UsernamePrefix: 'ali' } }),
    );
    expect(users.Users?.map((u) => u.Id)).toEqual([UserId]);

    const token = await createToken(server, OrganizationId!, 'alice', 'laptop', {
      ExpiresInDays: 30,
    });
    expect(token.secret).toMatch(/^mpat_[0-9A-Za-z]{38,}$/);
    const meta = await client.send(
      new GetPersonalAccessTokenMetadataCommand({
        OrganizationId,
        PersonalAccessTokenId: token.id,
      }),
    );
    expect(meta).toMatchObject({
      PersonalAccessTokenId: token.id,
      UserId,
      Name: 'laptop',
      Scopes: ['IMAP', 'SMTP'],
    });
    expect(meta.DateLastUsed).toBeUndefined();
    // LifetimeInDays (7) caps the 30 requested days.
    const lifetimeMs = meta.ExpiresTime!.getTime() - meta.DateCreated!.getTime();
    expect(lifetimeMs).toBe(7 * 24 * 3600 * 1000);

    const rotated = await call(server, MP('RotatePersonalAccessToken'), {
      OrganizationId,
      PersonalAccessTokenId: token.id,
    });
    expect(rotated.PersonalAccessTokenId).toBe(token.id);
    expect(rotated.Token).not.toBe(token.secret);

    await client.send(
      new DeletePersonalAccessTokenCommand({ OrganizationId, PersonalAccessTokenId: token.id }),
    );
    await expect(
      client.send(
        new GetPersonalAccessTokenMetadataCommand({
          OrganizationId,
          PersonalAccessTokenId: token.id,
        }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);

    await createToken(server, OrganizationId!, UserId!, 'phone');
    await expect(
      client.send(new DeleteUserCommand({ OrganizationId, UserId: UserId! })),
    ).rejects.toBeInstanceOf(EntityStateException);
    await client.send(new DeregisterFromWorkMailCommand({ OrganizationId, EntityId: UserId! }));
    await client.send(new DeleteUserCommand({ OrganizationId, UserId: UserId! }));
    const afterDelete = await client.send(new ListPersonalAccessTokensCommand({ OrganizationId }));
    expect(afterDelete.PersonalAccessTokenSummaries).toEqual([]);
    await expect(
      client.send(new ListPersonalAccessTokensCommand({ OrganizationId, UserId: UserId! })),
    ).rejects.toBeInstanceOf(EntityStateException);

    await client.send(new DeleteIdentityProviderConfigurationCommand({ OrganizationId }));
    const deleted = await client.send(
      new DeleteOrganizationCommand({ OrganizationId, DeleteDirectory: true }),
    );
    expect(deleted.State).toBe('Deleted');
  });

  it('pages through every token with paginateListPersonalAccessTokens, in order, once each', async () => {
    const { OrganizationId } = await client.send(
      new CreateOrganizationCommand({ Alias: 'sdk-paging' }),
    );
    await client.send(
      new PutIdentityProviderConfigurationCommand({
        OrganizationId,
        AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
        IdentityCenterConfiguration: IDENTITY_CENTER,
        PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: 30 },
      }),
    );
    const { UserId } = await client.send(
      new CreateUserCommand({ OrganizationId, Name: 'bob', DisplayName: 'Bob' }),
    );
    await client.send(
      new RegisterToWorkMailCommand({
        OrganizationId,
        EntityId: UserId!,
        Email: 'bob@sdk-paging.awsapps.com',
      }),
    );
    const created: string[] = [];
    for (let i = 0; i < 23; i++)
      created.push((await createToken(server, OrganizationId!, UserId!, `t${i}`)).id);

    const seen: { id: string; created: number }[] = [];
    let pages = 0;
    for await (const page of paginateListPersonalAccessTokens(
      { client, pageSize: 5 },
      { OrganizationId, UserId: 'bob' },
    )) {
      pages++;
      for (const t of page.PersonalAccessTokenSummaries!) {
        seen.push({ id: t.PersonalAccessTokenId!, created: t.DateCreated!.getTime() });
      }
    }
    expect(pages).toBe(5);
    expect(seen.map((t) => t.id).sort()).toEqual([...created].sort());
    const inKeysetOrder = [...seen].sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
    expect(seen).toEqual(inKeysetOrder);
  });
});
