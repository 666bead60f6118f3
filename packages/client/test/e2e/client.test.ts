/**
 * End to end: @mailpat/client against a real `mailpat serve` (built dist; run `npm run build`
 * first). Every method round-trips; timestamps arrive as Date; errors as their classes.
 */
import { WorkMailClient as AwsSdkWorkMailClient } from '@aws-sdk/client-workmail';
import { DescribeUserCommand, ListPersonalAccessTokensCommand } from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_CENTER } from '../../../server/test/support/fixtures.js';
import type { MailpatProcess } from '../../../server/test/support/mailpat-process.js';
import { startMailpat } from '../../../server/test/support/mailpat-process.js';
import {
  EntityStateException,
  InvalidParameterException,
  InvalidSignatureException,
  MailDomainInUseException,
  OrganizationNotFoundException,
  ResourceNotFoundException,
  UnrecognizedClientException,
  WorkMailClient,
  WorkMailServiceException,
  isWorkMailServiceException,
} from '../../src/index.js';
import type { WorkMailClientConfig } from '../../src/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: MailpatProcess;
let client: WorkMailClient;

function clientFor(config: Partial<WorkMailClientConfig> = {}): WorkMailClient {
  return new WorkMailClient({
    endpoint: server.url,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    maxAttempts: 1,
    ...config,
  });
}

/** The rejection of `promise`, which must reject. */
async function rejectionOf(promise: Promise<unknown>): Promise<WorkMailServiceException> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(WorkMailServiceException);
  return outcome as WorkMailServiceException;
}

/** A fresh organization, and its default mail domain. */
async function newOrganization(prefix: string) {
  const alias = `${prefix}-${process.pid}-${Date.now().toString(36)}`;
  const { OrganizationId } = await client.createOrganization({ Alias: alias });
  return { org: { OrganizationId: OrganizationId! }, domain: `${alias}.awsapps.com` };
}

beforeAll(async () => {
  server = await startMailpat();
  client = clientFor();
});
afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

describe('WorkMailClient against mailpat', () => {
  it('round-trips every operation, with Date timestamps and $metadata', async () => {
    const alias = `client-${process.pid}-${Date.now().toString(36)}`;
    const created = await client.createOrganization({ Alias: alias });
    expect(created.OrganizationId).toMatch(/^m-[0-9a-f]{32}$/);
    expect(created.$metadata).toEqual({
      httpStatusCode: 200,
      requestId: expect.stringMatching(UUID),
      attempts: 1,
      totalRetryDelay: 0,
    });
    const OrganizationId = created.OrganizationId!;
    const org = { OrganizationId };

    const described = await client.describeOrganization(org);
    expect(described).toMatchObject({ OrganizationId, Alias: alias, State: 'Active' });
    expect(described.CompletedDate).toBeInstanceOf(Date);
    expect(Math.abs(described.CompletedDate!.getTime() - Date.now())).toBeLessThan(60_000);

    const organizations = await client.listOrganizations({ MaxResults: 100 });
    expect(organizations.OrganizationSummaries).toContainEqual(
      expect.objectContaining({ OrganizationId, Alias: alias }),
    );

    const policy = {
      AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY' as const,
      IdentityCenterConfiguration: IDENTITY_CENTER,
      PersonalAccessTokenConfiguration: { Status: 'ACTIVE' as const, LifetimeInDays: 30 },
    };
    const put = await client.putIdentityProviderConfiguration({ ...org, ...policy });
    expect(Object.keys(put)).toEqual(['$metadata']);
    expect(await client.describeIdentityProviderConfiguration(org)).toMatchObject(policy);

    const { UserId } = await client.createUser({ ...org, Name: 'alice', DisplayName: 'Alice' });
    expect(UserId).toBeTypeOf('string');
    const email = `alice@${alias}.awsapps.com`;
    await client.registerToWorkMail({ ...org, EntityId: UserId!, Email: email });
    await client.updateUser({ ...org, UserId: UserId!, DisplayName: 'Alice A.', City: 'Oslo' });
    await client.resetPassword({ ...org, UserId: UserId!, Password: 'Correct-Horse-9' });

    const user = await client.describeUser({ ...org, UserId: 'alice' });
    expect(user).toMatchObject({
      UserId,
      Name: 'alice',
      Email: email,
      DisplayName: 'Alice A.',
      City: 'Oslo',
      State: 'ENABLED',
    });
    expect(user.EnabledDate).toBeInstanceOf(Date);
    expect(user.MailboxProvisionedDate).toBeInstanceOf(Date);

    const users = await client.listUsers({ ...org, Filters: { UsernamePrefix: 'ali' } });
    expect(users.Users).toHaveLength(1);
    expect(users.Users![0]!.EnabledDate).toBeInstanceOf(Date);

    const token = await client.createPersonalAccessToken({
      ...org,
      UserId: email,
      Name: 'laptop',
      Scopes: ['imap'],
      ExpiresInDays: 7,
    });
    expect(token.Token).toMatch(/^mpat_[0-9A-Za-z]{38,}$/);
    expect(token.DateCreated).toBeInstanceOf(Date);
    expect(token.ExpiresTime).toBeInstanceOf(Date);
    const days = (token.ExpiresTime!.getTime() - token.DateCreated!.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 5);
    const tokenId = token.PersonalAccessTokenId!;

    const listed = await client.listPersonalAccessTokens({ ...org, UserId: 'alice' });
    expect(listed.PersonalAccessTokenSummaries).toEqual([
      {
        PersonalAccessTokenId: tokenId,
        UserId,
        Name: 'laptop',
        DateCreated: token.DateCreated,
        ExpiresTime: token.ExpiresTime,
        Scopes: ['imap'],
      },
    ]);
    const metadata = await client.getPersonalAccessTokenMetadata({
      ...org,
      PersonalAccessTokenId: tokenId,
    });
    expect(metadata).toMatchObject({ PersonalAccessTokenId: tokenId, Name: 'laptop' });
    expect(metadata.DateCreated).toEqual(token.DateCreated);
    expect(metadata.DateLastUsed).toBeUndefined();

    const rotated = await client.rotatePersonalAccessToken({
      ...org,
      PersonalAccessTokenId: tokenId,
      ExpiresInDays: 1,
    });
    expect(rotated.Token).toMatch(/^mpat_/);
    expect(rotated.Token).not.toBe(token.Token);
    expect(rotated.ExpiresTime).toBeInstanceOf(Date);

    const rotatedId = rotated.PersonalAccessTokenId!;
    await client.deletePersonalAccessToken({ ...org, PersonalAccessTokenId: rotatedId });
    const gone = await rejectionOf(
      client.getPersonalAccessTokenMetadata({ ...org, PersonalAccessTokenId: rotatedId }),
    );
    expect(gone).toBeInstanceOf(ResourceNotFoundException);

    await client.deregisterFromWorkMail({ ...org, EntityId: UserId! });
    const disabled = await client.describeUser({ ...org, UserId: UserId! });
    expect(disabled.State).toBe('DISABLED');
    expect(disabled.DisabledDate).toBeInstanceOf(Date);
    await client.deleteUser({ ...org, UserId: UserId! });

    await client.deleteIdentityProviderConfiguration(org);
    await expect(client.describeIdentityProviderConfiguration(org)).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    const deleted = await client.deleteOrganization({ ...org, DeleteDirectory: false });
    expect(deleted).toMatchObject({ OrganizationId, State: 'Deleted' });
  });

  it('returns the same values as @aws-sdk/client-workmail', async () => {
    const { org, domain } = await newOrganization('parity');
    await client.putIdentityProviderConfiguration({
      ...org,
      AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
      IdentityCenterConfiguration: IDENTITY_CENTER,
      PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: 30 },
    });
    const { UserId } = await client.createUser({ ...org, Name: 'bob', DisplayName: 'Bob' });
    await client.registerToWorkMail({ ...org, EntityId: UserId!, Email: `bob@${domain}` });
    for (const name of ['a', 'b', 'c']) {
      await client.createPersonalAccessToken({ ...org, UserId: 'bob', Name: name });
    }
    const sdk = new AwsSdkWorkMailClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    });
    try {
      const strip = <T extends { $metadata: unknown }>({ $metadata: _m, ...rest }: T) => rest;
      const input = { ...org, MaxResults: 2 };
      const ours = strip(await client.listPersonalAccessTokens(input));
      const theirs = strip(await sdk.send(new ListPersonalAccessTokensCommand(input)));
      // NextToken is opaque and freshly issued per call; the pages are the same.
      expect({ ...ours, NextToken: undefined }).toEqual({ ...theirs, NextToken: undefined });
      const next = { ...input, NextToken: ours.NextToken };
      expect(strip(await client.listPersonalAccessTokens(next))).toEqual(
        strip(await sdk.send(new ListPersonalAccessTokensCommand(next))),
      );
      const userInput = { ...org, UserId: UserId! };
      expect(strip(await client.describeUser(userInput))).toEqual(
        strip(await sdk.send(new DescribeUserCommand(userInput))),
      );
    } finally {
      sdk.destroy();
    }
  });

  it('rejects with the modeled error class, its status and request ID', async () => {
    const missing = 'm-00000000000000000000000000000000';
    const error = await rejectionOf(client.describeOrganization({ OrganizationId: missing }));
    expect(error).toBeInstanceOf(OrganizationNotFoundException);
    expect(error).toBeInstanceOf(Error);
    expect(isWorkMailServiceException(error, 'OrganizationNotFoundException')).toBe(true);
    expect(error.name).toBe('OrganizationNotFoundException');
    expect(error.message).toContain(missing);
    expect(error.$fault).toBe('client');
    expect(error.$metadata).toEqual({
      httpStatusCode: 400,
      requestId: expect.stringMatching(UUID),
      attempts: 1,
      totalRetryDelay: 0,
    });
  });

  it('surfaces server-side validation as InvalidParameterException', async () => {
    const error = await rejectionOf(client.listOrganizations({ MaxResults: 0 }));
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('surfaces a domain state error as EntityStateException', async () => {
    const { org, domain } = await newOrganization('state');
    const { UserId } = await client.createUser({ ...org, Name: 'carol', DisplayName: 'Carol' });
    await client.registerToWorkMail({ ...org, EntityId: UserId!, Email: `carol@${domain}` });
    const error = await rejectionOf(client.deleteUser({ ...org, UserId: UserId! }));
    expect(error).toBeInstanceOf(EntityStateException);
  });

  it('surfaces a domain another organization holds as MailDomainInUseException', async () => {
    const DomainName = `held-${process.pid}-${Date.now().toString(36)}.example.com`;
    await client.createOrganization({ Alias: `holder-${process.pid}`, Domains: [{ DomainName }] });
    const error = await rejectionOf(
      client.createOrganization({ Alias: `taker-${process.pid}`, Domains: [{ DomainName }] }),
    );
    expect(error).toBeInstanceOf(MailDomainInUseException);
    expect(error.name).toBe('MailDomainInUseException');
    expect(error.message).toContain(DomainName);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('surfaces authentication errors: unknown key, wrong secret', async () => {
    const unknown = clientFor({ credentials: { accessKeyId: 'AKIANOBODY', secretAccessKey: 'x' } });
    const unrecognized = await rejectionOf(unknown.listOrganizations());
    expect(unrecognized).toBeInstanceOf(UnrecognizedClientException);
    expect(unrecognized.$metadata.httpStatusCode).toBe(403);

    const wrong = clientFor({
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: 'not-the-secret' },
    });
    const invalid = await rejectionOf(wrong.listOrganizations());
    expect(invalid).toBeInstanceOf(InvalidSignatureException);
    expect(invalid.$metadata.clockSkewCorrected).toBeUndefined();
  });

  it("corrects a skewed clock from the server's Date header and retries once", async () => {
    const skewed = clientFor({ maxAttempts: 3, systemClockOffset: -60 * 60_000 });
    const output = await skewed.listOrganizations();
    expect(output.$metadata.attempts).toBe(2);
    expect(Math.abs(skewed.config.systemClockOffset)).toBeLessThan(5_000);
    const again = await skewed.listOrganizations();
    expect(again.$metadata.attempts).toBe(1);
  });

  it('without retries, a skewed clock is an InvalidSignatureException', async () => {
    const skewed = clientFor({ maxAttempts: 1, systemClockOffset: 60 * 60_000 });
    const error = await rejectionOf(skewed.listOrganizations());
    expect(error).toBeInstanceOf(InvalidSignatureException);
    expect(error.message).toMatch(/^Signature not yet current/);
    expect(error.$metadata.clockSkewCorrected).toBe(true);
  });
});
