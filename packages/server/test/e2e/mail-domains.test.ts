/**
 * ListMailDomains and GetMailDomain end to end, with real boto3 and the mailpat client: what an
 * import tool reads of a source organization's domains.
 */
import { WorkMailClient, MailDomainNotFoundException } from '@mailpat/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBoto3 } from '../support/boto3.js';
import type { Boto3Outcome } from '../support/boto3.js';
import { WM } from '../support/fixtures.js';
import { startMailpat } from '../support/mailpat-process.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { call, sendSigned } from '../support/signed-request.js';

const UNKNOWN_ORG = 'm-00000000000000000000000000000000';

let server: MailpatProcess;
let suffix: string;
/** An organization with three domains besides its default one. */
let orgId: string;
let alias: string;
let domains: string[];
/** A second organization, with one domain of its own. */
let otherOrgId: string;
let otherDomain: string;

beforeAll(async () => {
  server = await startMailpat();
  // Domains are unique across the installation: names of their own for each run.
  suffix = `${process.pid}-${Date.now().toString(36)}`;
  alias = `domains-${suffix}`;
  domains = [`mail-${suffix}.example`, `corp-${suffix}.example`, `b-${suffix}.example.org`];
  const [created, other] = await runBoto3(server, [
    {
      call: 'create_organization',
      // Given in mixed case: domains are case-insensitive, stored and listed lowercased.
      params: { Alias: alias, Domains: domains.map((d) => ({ DomainName: d.toUpperCase() })) },
    },
    {
      call: 'create_organization',
      params: { Alias: `other-${suffix}`, Domains: [{ DomainName: `other-${suffix}.example` }] },
    },
  ]);
  orgId = created!.result!.OrganizationId as string;
  otherOrgId = other!.result!.OrganizationId as string;
  otherDomain = `other-${suffix}.example`;
});
afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

/** The one result of a step, or the test fails with the error boto3 saw. */
function resultOf(outcome: Boto3Outcome | undefined): Record<string, unknown> {
  expect(outcome?.error, outcome?.message).toBeUndefined();
  return outcome!.result!;
}

type Summary = { DomainName: string; DefaultDomain: boolean };

describe('ListMailDomains', () => {
  it('lists every domain of the organization by name, the default one flagged', async () => {
    const [listed] = await runBoto3(server, [
      { call: 'list_mail_domains', params: { OrganizationId: orgId } },
    ]);
    const defaultDomain = `${alias}.awsapps.com`;
    const expected = [...domains, defaultDomain]
      .sort()
      .map((DomainName) => ({ DomainName, DefaultDomain: DomainName === defaultDomain }));
    expect(resultOf(listed)).toEqual({ MailDomains: expected });
  });

  it('pages with MaxResults and NextToken, each domain once, the last page without a token', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const params = { OrganizationId: orgId, MaxResults: 1, NextToken: nextToken };
      if (nextToken === undefined) delete params.NextToken;
      const [page] = await runBoto3(server, [{ call: 'list_mail_domains', params }]);
      const result = resultOf(page);
      seen.push(...(result.MailDomains as Summary[]).map((d) => d.DomainName));
      nextToken = result.NextToken as string | undefined;
      pages++;
    } while (nextToken !== undefined && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toEqual([...domains, `${alias}.awsapps.com`].sort());
  });

  it('refuses a NextToken it did not issue, or issued for another organization', async () => {
    const [first] = await runBoto3(server, [
      { call: 'list_mail_domains', params: { OrganizationId: orgId, MaxResults: 1 } },
    ]);
    const token = resultOf(first).NextToken as string;
    const outcomes = await runBoto3(server, [
      {
        call: 'list_mail_domains',
        params: { OrganizationId: orgId, NextToken: 'bm90LWEtdG9rZW4=' },
      },
      { call: 'list_mail_domains', params: { OrganizationId: otherOrgId, NextToken: token } },
    ]);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ error: 'InvalidParameterException', status: 400 });
    }
  });

  it('refuses MaxResults outside the model bounds', async () => {
    for (const MaxResults of [0, 101]) {
      const response = await sendSigned(server, WM('ListMailDomains'), {
        OrganizationId: orgId,
        MaxResults,
      });
      expect(response.status).toBe(400);
      expect(response.body.__type).toBe('InvalidParameterException');
    }
  });
});

describe('GetMailDomain', () => {
  it('describes the default domain as the verified test domain, with no DNS records', async () => {
    const [got] = await runBoto3(server, [
      {
        call: 'get_mail_domain',
        params: { OrganizationId: orgId, DomainName: `${alias}.awsapps.com` },
      },
    ]);
    expect(resultOf(got)).toEqual({
      Records: [],
      IsTestDomain: true,
      IsDefault: true,
      OwnershipVerificationStatus: 'VERIFIED',
      DkimVerificationStatus: 'VERIFIED',
    });
  });

  it('finds a domain the organization registered whatever the case it is asked in', async () => {
    const [got] = await runBoto3(server, [
      {
        call: 'get_mail_domain',
        params: { OrganizationId: orgId, DomainName: domains[1]!.toUpperCase() },
      },
    ]);
    expect(resultOf(got)).toEqual({
      Records: [],
      IsTestDomain: false,
      IsDefault: false,
      OwnershipVerificationStatus: 'VERIFIED',
      DkimVerificationStatus: 'VERIFIED',
    });
  });

  it("answers MailDomainNotFoundException for another organization's domain or none", async () => {
    const outcomes = await runBoto3(server, [
      { call: 'get_mail_domain', params: { OrganizationId: orgId, DomainName: otherDomain } },
      {
        call: 'get_mail_domain',
        params: { OrganizationId: orgId, DomainName: `other-${suffix}.awsapps.com` },
      },
      { call: 'get_mail_domain', params: { OrganizationId: orgId, DomainName: 'nowhere.example' } },
    ]);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ error: 'MailDomainNotFoundException', status: 400 });
    }
  });

  it('refuses a domain name outside the model pattern', async () => {
    const response = await sendSigned(server, WM('GetMailDomain'), {
      OrganizationId: orgId,
      DomainName: 'not a domain',
    });
    expect(response.status).toBe(400);
    expect(response.body.__type).toBe('InvalidParameterException');
  });
});

describe('both operations on an organization that is not there', () => {
  it('answer OrganizationNotFoundException for an unknown organization', async () => {
    const outcomes = await runBoto3(server, [
      { call: 'list_mail_domains', params: { OrganizationId: UNKNOWN_ORG } },
      { call: 'get_mail_domain', params: { OrganizationId: UNKNOWN_ORG, DomainName: otherDomain } },
    ]);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ error: 'OrganizationNotFoundException', status: 400 });
    }
  });

  it('answer OrganizationStateException for a deleted organization', async () => {
    const gone = `gone-${suffix}.example`;
    const { OrganizationId } = (await call(server, WM('CreateOrganization'), {
      Alias: `gone-${suffix}`,
      Domains: [{ DomainName: gone }],
    })) as { OrganizationId: string };
    await call(server, WM('DeleteOrganization'), { OrganizationId, DeleteDirectory: true });
    const outcomes = await runBoto3(server, [
      { call: 'list_mail_domains', params: { OrganizationId } },
      { call: 'get_mail_domain', params: { OrganizationId, DomainName: gone } },
    ]);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ error: 'OrganizationStateException', status: 400 });
    }
  });
});

describe('the mailpat client', () => {
  it('lists and gets mail domains with the model shapes and typed errors', async () => {
    const client = new WorkMailClient({
      endpoint: server.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
      maxAttempts: 1,
    });
    const listed = await client.listMailDomains({ OrganizationId: otherOrgId });
    expect(listed.MailDomains).toEqual([
      { DomainName: `other-${suffix}.awsapps.com`, DefaultDomain: true },
      { DomainName: otherDomain, DefaultDomain: false },
    ]);
    expect(listed.NextToken).toBeUndefined();
    const got = await client.getMailDomain({ OrganizationId: otherOrgId, DomainName: otherDomain });
    expect(got).toMatchObject({ IsDefault: false, IsTestDomain: false, Records: [] });
    await expect(
      client.getMailDomain({ OrganizationId: otherOrgId, DomainName: domains[0]! }),
    ).rejects.toBeInstanceOf(MailDomainNotFoundException);
  });
});
