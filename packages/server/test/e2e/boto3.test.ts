/**
 * End to end with real boto3 (python3): every listed operation, and botocore's own
 * list_personal_access_tokens paginator with MaxItems, PageSize and StartingToken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBoto3 } from '../support/boto3.js';
import { IDENTITY_CENTER, createOrgWithUsers, createToken } from '../support/fixtures.js';
import { introspect } from '../support/introspect.js';
import type { OrgFixture } from '../support/fixtures.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { startMailpat } from '../support/mailpat-process.js';

let server: MailpatProcess;
let org: OrgFixture;
/** Token IDs in listing order. */
let tokenIds: string[];

const INTROSPECTION_CLIENT = { id: 'dovecot', secret: 'introspection-secret' };

beforeAll(async () => {
  server = await startMailpat({
    env: {
      MAILPAT_INTROSPECTION_CLIENT_ID: INTROSPECTION_CLIENT.id,
      MAILPAT_INTROSPECTION_CLIENT_SECRET: INTROSPECTION_CLIENT.secret,
    },
  });
  org = await createOrgWithUsers(server, 2);
  for (let i = 0; i < 25; i++)
    await createToken(server, org.organizationId, org.users[i % 2]!.id, `t${i}`);
  const [listed] = await runBoto3(server, [
    { paginate: 'list_personal_access_tokens', params: { OrganizationId: org.organizationId } },
  ]);
  tokenIds = listed!.pages!.flatMap(ids);
  expect(tokenIds).toHaveLength(25);
});
afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

function ids(page: Record<string, unknown>): string[] {
  return (page.PersonalAccessTokenSummaries as { PersonalAccessTokenId: string }[]).map(
    (t) => t.PersonalAccessTokenId,
  );
}

describe('boto3 against mailpat', () => {
  it('drives every listed operation and gets the model shapes back', async () => {
    const alias = `boto3-ops-${Date.now().toString(36)}`;
    const [created] = await runBoto3(server, [
      { call: 'create_organization', params: { Alias: alias } },
    ]);
    const OrganizationId = created!.result!.OrganizationId as string;
    const outcomes = await runBoto3(server, [
      { call: 'describe_organization', params: { OrganizationId } },
      {
        call: 'put_identity_provider_configuration',
        params: {
          OrganizationId,
          AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
          IdentityCenterConfiguration: IDENTITY_CENTER,
          PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: 10 },
        },
      },
      { call: 'describe_identity_provider_configuration', params: { OrganizationId } },
      {
        call: 'create_user',
        params: { OrganizationId, Name: 'carolineadmin', DisplayName: 'Carol' },
      },
      {
        call: 'register_to_work_mail',
        params: {
          OrganizationId,
          EntityId: 'carolineadmin',
          Email: `carolineadmin@${alias}.awsapps.com`,
        },
      },
      {
        call: 'update_user',
        params: { OrganizationId, UserId: 'carolineadmin', JobTitle: 'Admin' },
      },
      {
        call: 'describe_user',
        params: { OrganizationId, UserId: `carolineadmin@${alias}.awsapps.com` },
      },
      { call: 'list_users', params: { OrganizationId } },
      { call: 'list_organizations', params: { MaxResults: 100 } },
      { call: 'list_personal_access_tokens', params: { OrganizationId, UserId: 'carolineadmin' } },
      {
        call: 'get_personal_access_token_metadata',
        params: { OrganizationId, PersonalAccessTokenId: 'pat-missing' },
      },
      {
        call: 'delete_personal_access_token',
        params: { OrganizationId, PersonalAccessTokenId: 'pat-missing' },
      },
      { call: 'deregister_from_work_mail', params: { OrganizationId, EntityId: 'carolineadmin' } },
      {
        call: 'reset_password',
        params: { OrganizationId, UserId: 'carolineadmin', Password: 'weak' },
      },
      { call: 'delete_user', params: { OrganizationId, UserId: 'carolineadmin' } },
      { call: 'describe_user', params: { OrganizationId, UserId: 'carolineadmin' } },
      { call: 'delete_identity_provider_configuration', params: { OrganizationId } },
      { call: 'delete_organization', params: { OrganizationId, DeleteDirectory: true } },
      { call: 'describe_organization', params: { OrganizationId } },
    ]);
    const [
      describeOrg,
      put,
      describeIdp,
      createUser,
      register,
      update,
      describeUser,
      listUsers,
      listOrgs,
      listTokens,
      getMissing,
      deleteMissing,
      deregister,
      weakPassword,
      deleteUser,
      describeDeleted,
      deleteIdp,
      deleteOrg,
      describeDeletedOrg,
    ] = outcomes;
    expect(describeOrg!.result).toMatchObject({ OrganizationId, Alias: alias, State: 'Active' });
    expect(put!.result).toEqual({});
    expect(describeIdp!.result!.PersonalAccessTokenConfiguration).toEqual({
      Status: 'ACTIVE',
      LifetimeInDays: 10,
    });
    expect(createUser!.result!.UserId).toEqual(expect.any(String));
    expect(register!.result).toEqual({});
    expect(update!.result).toEqual({});
    expect(describeUser!.result).toMatchObject({
      Name: 'carolineadmin',
      State: 'ENABLED',
      JobTitle: 'Admin',
    });
    expect((listUsers!.result!.Users as unknown[]).length).toBe(1);
    expect(listOrgs!.result!.OrganizationSummaries).toContainEqual(
      expect.objectContaining({ OrganizationId }),
    );
    expect(listTokens!.result).toEqual({ PersonalAccessTokenSummaries: [] });
    expect(getMissing).toMatchObject({ error: 'ResourceNotFoundException', status: 400 });
    expect(deleteMissing!.result).toEqual({});
    expect(deregister!.result).toEqual({});
    expect(weakPassword).toMatchObject({ error: 'InvalidPasswordException' });
    expect(deleteUser!.result).toEqual({});
    expect(describeDeleted!.result).toMatchObject({ State: 'DELETED' });
    expect(deleteIdp!.result).toEqual({});
    expect(deleteOrg!.result).toMatchObject({ OrganizationId, State: 'Deleted' });
    expect(describeDeletedOrg!.result).toMatchObject({ State: 'Deleted' });
  });

  it('returns every token once with PageSize, in (DateCreated, PersonalAccessTokenId) order', async () => {
    const [out] = await runBoto3(server, [
      {
        paginate: 'list_personal_access_tokens',
        params: { OrganizationId: org.organizationId },
        PaginationConfig: { PageSize: 4 },
      },
    ]);
    expect(out!.pages!.map((p) => ids(p).length)).toEqual([4, 4, 4, 4, 4, 4, 1]);
    expect(out!.pages!.flatMap(ids)).toEqual(tokenIds);
    const summaries = out!.pages!.flatMap(
      (p) =>
        p.PersonalAccessTokenSummaries as { DateCreated: number; PersonalAccessTokenId: string }[],
    );
    const sorted = [...summaries].sort(
      (a, b) =>
        a.DateCreated - b.DateCreated ||
        (a.PersonalAccessTokenId < b.PersonalAccessTokenId ? -1 : 1),
    );
    expect(summaries).toEqual(sorted);
  });

  it('stops at MaxItems mid-page and continues from the resume token without duplicates', async () => {
    const seen: string[] = [];
    let startingToken: string | undefined;
    for (let round = 0; round < 10; round++) {
      const [out] = await runBoto3(server, [
        {
          paginate: 'list_personal_access_tokens',
          params: { OrganizationId: org.organizationId },
          PaginationConfig: {
            MaxItems: 7,
            PageSize: 3,
            ...(startingToken ? { StartingToken: startingToken } : {}),
          },
        },
      ]);
      seen.push(...out!.pages!.flatMap(ids));
      if (!out!.resumeToken) break;
      startingToken = out!.resumeToken;
    }
    expect(seen).toEqual(tokenIds);
  });

  it('filters by user ID, email or user name alike', async () => {
    const user = org.users[1]!;
    const outcomes = await runBoto3(
      server,
      [user.id, user.email, user.name.toUpperCase()].map((UserId) => ({
        paginate: 'list_personal_access_tokens',
        params: { OrganizationId: org.organizationId, UserId },
      })),
    );
    const lists = outcomes.map((o) => o.pages!.flatMap(ids));
    expect(lists[0]).toHaveLength(12);
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
  });

  it('answers modeled errors that boto3 raises as ClientError with the right code', async () => {
    const outcomes = await runBoto3(server, [
      {
        call: 'list_personal_access_tokens',
        params: { OrganizationId: 'm-00000000000000000000000000000000' },
      },
      {
        call: 'list_personal_access_tokens',
        params: { OrganizationId: org.organizationId, UserId: 'nobody' },
      },
      {
        call: 'list_personal_access_tokens',
        params: { OrganizationId: org.organizationId, NextToken: 'AAAA' },
      },
      { call: 'create_organization', params: { Alias: org.alias } },
    ]);
    expect(outcomes.map((o) => o.error)).toEqual([
      'OrganizationNotFoundException',
      'EntityNotFoundException',
      'InvalidParameterException',
      'NameAvailabilityException',
    ]);
  });

  it('refuses temporary credentials: the root key with aws_session_token gets UnrecognizedClientException', async () => {
    const steps = [
      { call: 'list_organizations' },
      { call: 'create_organization', params: { Alias: `token-${Date.now().toString(36)}` } },
    ];
    const outcomes = await runBoto3(server, steps, { sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE+/=' });
    expect(outcomes).toEqual(
      steps.map(() => ({
        error: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
        status: 403,
      })),
    );
    const [list] = await runBoto3(server, [{ call: 'list_organizations' }]);
    expect(list!.error).toBeUndefined();
  });
});

describe('boto3: one organization per mail domain, one user per address', () => {
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const domain = `corp-${tag}.example.com`;
  const ceo = `ceo@${domain}`;

  /** The username a token logs in as, or undefined when it cannot log in. */
  async function loginOf(secret: string): Promise<string | undefined> {
    const answer = await introspect(server, new URLSearchParams({ token: secret }).toString(), {
      basic: `${INTROSPECTION_CLIENT.id}:${INTROSPECTION_CLIENT.secret}`,
    });
    return answer.body.active === true ? (answer.body.username as string) : undefined;
  }

  /** An organization with an ACTIVE PAT policy, through boto3; its ID. */
  async function organization(alias: string, domains: string[] = []): Promise<string> {
    const [created] = await runBoto3(server, [
      {
        call: 'create_organization',
        params: { Alias: alias, Domains: domains.map((DomainName) => ({ DomainName })) },
      },
    ]);
    const OrganizationId = created!.result!.OrganizationId as string;
    await runBoto3(server, [
      {
        call: 'put_identity_provider_configuration',
        params: {
          OrganizationId,
          AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
          IdentityCenterConfiguration: IDENTITY_CENTER,
          PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: 10 },
        },
      },
    ]);
    return OrganizationId;
  }

  /** create_user then register_to_work_mail; the register outcome. */
  async function registerUser(OrganizationId: string, Name: string, Email: string) {
    const [, register] = await runBoto3(server, [
      { call: 'create_user', params: { OrganizationId, Name, DisplayName: Name } },
      { call: 'register_to_work_mail', params: { OrganizationId, EntityId: Name, Email } },
    ]);
    return register!;
  }

  it("refuses another organization's domain, so its tokens never log in as that address", async () => {
    const owner = await organization(`owner-${tag}`, [domain]);
    expect((await registerUser(owner, 'ceo', ceo)).result).toEqual({});
    const ceoUser = (
      await runBoto3(server, [
        { call: 'describe_user', params: { OrganizationId: owner, UserId: ceo } },
      ])
    )[0]!.result!.UserId as string;
    const ownersToken = await createToken(server, owner, ceoUser);
    expect(await loginOf(ownersToken.secret)).toBe(ceo);

    const [taken, reserved] = await runBoto3(server, [
      {
        call: 'create_organization',
        params: { Alias: `intruder-${tag}`, Domains: [{ DomainName: domain.toUpperCase() }] },
      },
      {
        call: 'create_organization',
        params: { Alias: `intruder-${tag}`, Domains: [{ DomainName: `owner-${tag}.awsapps.com` }] },
      },
    ]);
    // botocore parses the code from __type and knows the shape from its own model.
    expect(taken).toMatchObject({ error: 'MailDomainInUseException', status: 400 });
    expect(taken!.message).toContain(domain);
    expect(reserved).toMatchObject({ error: 'InvalidParameterException', status: 400 });
    const intruder = await organization(`intruder-${tag}`);
    expect(await registerUser(intruder, 'ceo', ceo)).toMatchObject({
      error: 'MailDomainNotFoundException',
      status: 400,
    });
    // Registered under its own domain, the intruder's user logs in as itself, never as ceo.
    const own = `ceo@intruder-${tag}.awsapps.com`;
    const [register, described] = await runBoto3(server, [
      {
        call: 'register_to_work_mail',
        params: { OrganizationId: intruder, EntityId: 'ceo', Email: own },
      },
      { call: 'describe_user', params: { OrganizationId: intruder, UserId: 'ceo' } },
    ]);
    expect(register!.result).toEqual({});
    const intrudersToken = await createToken(server, intruder, described!.result!.UserId as string);
    expect(await loginOf(intrudersToken.secret)).toBe(own);
    expect(await loginOf(ownersToken.secret)).toBe(ceo);
  });

  it('frees the domain and the addresses of a deleted organization', async () => {
    const freed = `freed-${tag}.example.com`;
    const first = await organization(`first-${tag}`, [freed]);
    expect((await registerUser(first, 'boss', `boss@${freed}`)).result).toEqual({});
    const [held] = await runBoto3(server, [
      {
        call: 'create_organization',
        params: { Alias: `second-${tag}`, Domains: [{ DomainName: freed }] },
      },
    ]);
    expect(held).toMatchObject({ error: 'MailDomainInUseException' });
    await runBoto3(server, [
      { call: 'delete_organization', params: { OrganizationId: first, DeleteDirectory: true } },
    ]);
    const second = await organization(`second-${tag}`, [freed.toUpperCase()]);
    expect((await registerUser(second, 'boss', `boss@${freed}`)).result).toEqual({});
  });

  it('frees an address when its user is deregistered, and refuses it while held', async () => {
    const shared = `desk-${tag}.example.com`;
    const org = await organization(`desk-${tag}`, [shared]);
    expect((await registerUser(org, 'first', `desk@${shared}`)).result).toEqual({});
    expect(await registerUser(org, 'second', `DESK@${shared}`)).toMatchObject({
      error: 'EmailAddressInUseException',
      status: 400,
    });
    const [deregister, register, describeFirst] = await runBoto3(server, [
      { call: 'deregister_from_work_mail', params: { OrganizationId: org, EntityId: 'first' } },
      {
        call: 'register_to_work_mail',
        params: { OrganizationId: org, EntityId: 'second', Email: `desk@${shared}` },
      },
      { call: 'describe_user', params: { OrganizationId: org, UserId: 'first' } },
    ]);
    expect(deregister!.result).toEqual({});
    expect(register!.result).toEqual({});
    expect(describeFirst!.result).toMatchObject({ State: 'DISABLED' });
    expect(describeFirst!.result!.Email).toBeUndefined();
  });
});
