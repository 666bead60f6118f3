import { describe, expect, it } from 'vitest';
import { paginateListOrganizations } from './paginate-list-organizations.js';
import { paginateListPersonalAccessTokens } from './paginate-list-personal-access-tokens.js';
import { paginateListUsers } from './paginate-list-users.js';
import {
  FakePatService,
  type FakeListRequest,
  type FakeListResponse,
} from './test-support/fake-pat-service.js';

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

function fakeClient(items = 23, nextTokenScheme?: string) {
  const service = new FakePatService({ items, defaultPageSize: 10, nextTokenScheme });
  return { service, client: { listPersonalAccessTokens: service.listPersonalAccessTokens } };
}

describe('paginateListPersonalAccessTokens (SDK v3 style)', () => {
  it('yields every page until the service stops returning a NextToken', async () => {
    const { service, client } = fakeClient();
    const pages = await collect(
      paginateListPersonalAccessTokens({ client }, { OrganizationId: 'm-1' }),
    );
    expect(pages.map((page) => page.PersonalAccessTokenSummaries.length)).toEqual([10, 10, 3]);
    expect(service.requests).toEqual([
      { OrganizationId: 'm-1' },
      { OrganizationId: 'm-1', NextToken: 'tok-10' },
      { OrganizationId: 'm-1', NextToken: 'tok-20' },
    ]);
  });

  it('sends pageSize as MaxResults unless the input sets MaxResults', async () => {
    const { service, client } = fakeClient();
    await collect(
      paginateListPersonalAccessTokens({ client, pageSize: 7 }, { OrganizationId: 'm-1' }),
    );
    expect(service.requests.map((request) => request.MaxResults)).toEqual([7, 7, 7, 7]);

    const other = fakeClient();
    const input = { OrganizationId: 'm-1', MaxResults: 12 };
    await collect(paginateListPersonalAccessTokens({ client: other.client, pageSize: 7 }, input));
    expect(other.service.requests.map((request) => request.MaxResults)).toEqual([12, 12]);
  });

  it('starts from startingToken, which wins over a NextToken in the input', async () => {
    const { service, client } = fakeClient();
    const input = { OrganizationId: 'm-1', NextToken: 'tok-5' };
    await collect(paginateListPersonalAccessTokens({ client, startingToken: 'tok-20' }, input));
    expect(service.requests).toEqual([{ OrganizationId: 'm-1', NextToken: 'tok-20' }]);

    const other = fakeClient();
    await collect(paginateListPersonalAccessTokens({ client: other.client }, input));
    expect(other.service.requests[0]).toEqual(input);
  });

  it('stops on a repeated token only when stopOnSameToken is set', async () => {
    const { service, client } = fakeClient(30, 'always tok-7');
    const config = { client, stopOnSameToken: true };
    const pages = await collect(
      paginateListPersonalAccessTokens(config, { OrganizationId: 'm-1' }),
    );
    expect(pages).toHaveLength(2);
    expect(service.requests.map((request) => request.NextToken)).toEqual([undefined, 'tok-7']);

    const looping = fakeClient(30, 'always tok-7');
    let count = 0;
    for await (const _page of paginateListPersonalAccessTokens({ client: looping.client }, {})) {
      if (++count === 5) break;
    }
    expect(looping.service.requests).toHaveLength(5);
  });

  it("never writes the token or page size into the caller's input or a sent request", async () => {
    const { service, client } = fakeClient();
    const input = Object.freeze({ OrganizationId: 'm-1' });
    await collect(paginateListPersonalAccessTokens({ client, pageSize: 5 }, input));
    expect(input).toEqual({ OrganizationId: 'm-1' });
    expect(service.received.map((request) => JSON.stringify(request))).toEqual(service.snapshots);
    expect(new Set(service.received).size).toBe(service.received.length);
  });

  it('passes extra arguments, such as request options, to every call', async () => {
    const seen: unknown[] = [];
    const client = {
      listPersonalAccessTokens: async (
        input: { NextToken?: string },
        options?: { tag: string },
      ) => {
        seen.push(options);
        return input.NextToken ? {} : { NextToken: 't2' };
      },
    };
    await collect(paginateListPersonalAccessTokens({ client }, {}, { tag: 'x' }));
    expect(seen).toEqual([{ tag: 'x' }, { tag: 'x' }]);
  });

  it('rejects a client without the method, when first iterated', async () => {
    const pages = paginateListPersonalAccessTokens(
      {
        client: {} as {
          listPersonalAccessTokens(input: FakeListRequest): Promise<FakeListResponse>;
        },
      },
      {},
    );
    await expect(pages.next()).rejects.toThrow(
      'Invalid client, expected a client with a listPersonalAccessTokens method',
    );
  });
});

describe('paginateListOrganizations and paginateListUsers (SDK v3 style)', () => {
  it('call listOrganizations and listUsers with MaxResults and NextToken', async () => {
    const calls: [string, unknown][] = [];
    const client = {
      listOrganizations: async (input: { NextToken?: string; MaxResults?: number }) => {
        calls.push(['listOrganizations', input]);
        return input.NextToken
          ? { OrganizationSummaries: [] }
          : { OrganizationSummaries: [], NextToken: 'o2' };
      },
      listUsers: async (input: { OrganizationId: string; NextToken?: string }) => {
        calls.push(['listUsers', input]);
        return { Users: [] };
      },
    };
    await collect(paginateListOrganizations({ client, pageSize: 2 }, {}));
    await collect(paginateListUsers({ client }, { OrganizationId: 'm-1' }));
    expect(calls).toEqual([
      ['listOrganizations', { MaxResults: 2 }],
      ['listOrganizations', { NextToken: 'o2', MaxResults: 2 }],
      ['listUsers', { OrganizationId: 'm-1' }],
    ]);
  });
});
