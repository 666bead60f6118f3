import { describe, expect, expectTypeOf, it } from 'vitest';
import { getPaginator } from './get-paginator.js';
import type { Paginator } from './paginator.js';

interface ListUsersRequest {
  OrganizationId: string;
  NextToken?: string;
  MaxResults?: number;
}
interface ListUsersResponse {
  Users?: { Id?: string }[];
  NextToken?: string;
}

// A class with interface-typed methods, as the WorkMailClient will be.
class FakeClient {
  readonly calls: unknown[] = [];

  async listUsers(input: ListUsersRequest): Promise<ListUsersResponse> {
    this.calls.push(input);
    return input.NextToken ? { Users: [{ Id: 'u2' }] } : { Users: [{ Id: 'u1' }], NextToken: 't2' };
  }

  async listOrganizations(input: { NextToken?: string }): Promise<{ OrganizationSummaries: [] }> {
    this.calls.push(input);
    return { OrganizationSummaries: [] };
  }

  async listPersonalAccessTokens(input: {
    OrganizationId: string;
  }): Promise<{ PersonalAccessTokenSummaries: [] }> {
    this.calls.push(input);
    return { PersonalAccessTokenSummaries: [] };
  }
}

describe('getPaginator', () => {
  it('binds the camelCase client method, called on the client', async () => {
    const client = new FakeClient();
    const pages = getPaginator(client, 'list_users').paginate({
      OrganizationId: 'm-1',
      PaginationConfig: { PageSize: 1 },
    });
    const full = await pages.buildFullResult();
    expect(full.Users).toEqual([{ Id: 'u1' }, { Id: 'u2' }]);
    expect(client.calls).toEqual([
      { OrganizationId: 'm-1', MaxResults: 1 },
      { OrganizationId: 'm-1', MaxResults: 1, NextToken: 't2' },
    ]);
  });

  it('accepts the operation name as well as the boto3 name', async () => {
    const client = new FakeClient();
    for (const name of ['ListUsers', 'list_users'] as const) {
      expect(
        await getPaginator(client, name).paginate({ OrganizationId: 'm-1' }).buildFullResult(),
      ).toEqual({ Users: [{ Id: 'u1' }, { Id: 'u2' }] });
    }
    const organizations = getPaginator(client, 'ListOrganizations').paginate({});
    expect(await organizations.buildFullResult()).toEqual({ OrganizationSummaries: [] });
    const tokens = getPaginator(client, 'list_personal_access_tokens');
    expect(await tokens.paginate({ OrganizationId: 'm-1' }).buildFullResult()).toEqual({
      PersonalAccessTokenSummaries: [],
    });
  });

  it('types the paginator from the client method', () => {
    const paginator = getPaginator(new FakeClient(), 'list_users');
    expectTypeOf(paginator).toEqualTypeOf<Paginator<ListUsersRequest, ListUsersResponse>>();
  });

  it('names the valid paginators for an unknown name', () => {
    const call = () => getPaginator(new FakeClient(), 'list_groups' as 'list_users');
    expect(call).toThrow(
      'Operation cannot be paginated: list_groups; paginators are list_organizations, ' +
        'list_personal_access_tokens, list_users, ListOrganizations, ListPersonalAccessTokens, ListUsers',
    );
  });

  it('rejects a client without the method', () => {
    const client = {} as FakeClient;
    expect(() => getPaginator(client, 'ListUsers')).toThrow(
      'The client has no listUsers method for the ListUsers paginator',
    );
  });
});
