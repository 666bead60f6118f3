import { describe, expect, it } from 'vitest';
import { isPaginationError, PaginationError } from './pagination-error.js';
import { Paginator } from './paginator.js';
import { PyValueError } from '../python/py-errors.js';
import {
  FakePatService,
  type FakeListRequest,
  type FakeListResponse,
} from './test-support/fake-pat-service.js';
import type { PaginatorConfig } from './types.js';

const PAT_CONFIG: PaginatorConfig = {
  inputToken: 'NextToken',
  outputToken: 'NextToken',
  limitKey: 'MaxResults',
  resultKey: 'PersonalAccessTokenSummaries',
};

// A service with a secondary result key, a non-aggregate key and `more_results`; it always
// returns a NextToken, so only IsTruncated ends the pagination.
interface RichPage {
  Items: string[];
  Count: number;
  Meta: { Org: string; Page: number };
  IsTruncated: boolean;
  NextToken: string;
}
const RICH_CONFIG: PaginatorConfig = {
  inputToken: 'NextToken',
  outputToken: 'NextToken',
  limitKey: 'Limit',
  resultKey: ['Items', 'Count'],
  moreResults: 'IsTruncated',
  nonAggregateKeys: ['Meta.Org'],
};
async function richMethod(request: { NextToken?: string; Limit?: number }): Promise<RichPage> {
  const start = Number((request.NextToken ?? 'tok-0').slice(4));
  const end = start + (request.Limit ?? 3);
  const items = Array.from({ length: 7 }, (_, i) => `i${i}`).slice(start, end);
  return {
    Items: items,
    Count: items.length,
    Meta: { Org: 'm-1', Page: start },
    IsTruncated: end < 7,
    NextToken: `tok-${end}`,
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

function patPaginator(items = 23, defaultPageSize = 10) {
  const service = new FakePatService({ items, defaultPageSize });
  const paginator = new Paginator<FakeListRequest, FakeListResponse>(
    service.listPersonalAccessTokens,
    PAT_CONFIG,
  );
  return { service, paginator };
}

describe('Paginator', () => {
  it("never writes to the caller's input, PaginationConfig included", async () => {
    const { paginator } = patPaginator();
    const input = deepFreeze({
      OrganizationId: 'm-1',
      PaginationConfig: { MaxItems: 4, PageSize: 10, StartingToken: 'tok-10___3' },
    });
    const before = structuredClone(input);
    const pages = paginator.paginate(input);
    await collect(pages);
    await pages.buildFullResult();
    expect(input).toEqual(before);
  });

  it('sends a fresh request object every call and never alters one already sent', async () => {
    const { service, paginator } = patPaginator();
    await collect(paginator.paginate({ OrganizationId: 'm-1', PaginationConfig: { PageSize: 5 } }));
    expect(service.received).toHaveLength(5);
    expect(new Set(service.received).size).toBe(5);
    expect(service.received.map((request) => JSON.stringify(request))).toEqual(service.snapshots);
    expect(service.received[0]).toEqual({ OrganizationId: 'm-1', MaxResults: 5 });
  });

  it('truncates a copy of the page, not the object the method returned', async () => {
    const returned: FakeListResponse[] = [];
    const service = new FakePatService({ items: 23, defaultPageSize: 10 });
    const paginator = new Paginator<FakeListRequest, FakeListResponse>(async (request) => {
      const page = await service.listPersonalAccessTokens(request);
      returned.push(page);
      return page;
    }, PAT_CONFIG);
    const pages = await collect(paginator.paginate({ PaginationConfig: { MaxItems: 3 } }));
    expect(pages[0]?.PersonalAccessTokenSummaries).toHaveLength(3);
    expect(returned[0]?.PersonalAccessTokenSummaries).toHaveLength(10);
  });

  it("starts again from the caller's input each time it is iterated", async () => {
    const { paginator } = patPaginator();
    const pages = paginator.paginate({ PaginationConfig: { MaxItems: 15 } });
    const first = await collect(pages);
    const firstToken = pages.resumeToken;
    expect(await collect(pages)).toEqual(first);
    expect(pages.resumeToken).toBe(firstToken);
  });

  it('accepts MaxItems and PageSize as numeric strings, as int() does', async () => {
    const { service, paginator } = patPaginator();
    const pages = paginator.paginate({ PaginationConfig: { MaxItems: ' 1_2 ', PageSize: '5' } });
    const ids = (await collect(pages)).flatMap((page) => page.PersonalAccessTokenSummaries);
    expect(ids).toHaveLength(12);
    expect(service.requests[0]).toEqual({ MaxResults: 5 });
  });

  it("rejects a MaxItems int() cannot read, with int()'s message, when paginate is called", () => {
    const { paginator } = patPaginator();
    expect(() => paginator.paginate({ PaginationConfig: { MaxItems: '3.0' } })).toThrow(
      new PyValueError("invalid literal for int() with base 10: '3.0'"),
    );
  });

  it('rejects PageSize for an operation without a limit key', () => {
    const { service } = patPaginator();
    const { limitKey: _limitKey, ...config } = PAT_CONFIG;
    const paginator = new Paginator(service.listPersonalAccessTokens, config);
    const error = (() => {
      try {
        paginator.paginate({ PaginationConfig: { PageSize: 5 } });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(PaginationError);
    expect(isPaginationError(error)).toBe(true);
    expect((error as Error).message).toBe(
      'Error during pagination: PageSize parameter is not supported for the pagination interface for this operation.',
    );
  });

  it('raises PaginationError when the service repeats its token', async () => {
    const service = new FakePatService({
      items: 30,
      defaultPageSize: 10,
      nextTokenScheme: 'always tok-7',
    });
    const paginator = new Paginator(service.listPersonalAccessTokens, PAT_CONFIG);
    await expect(collect(paginator.paginate({}))).rejects.toThrow(
      "Error during pagination: The same next token was received twice: {'NextToken': 'tok-7'}",
    );
  });

  it('rejects a resume that needs a token key the paginator does not know', async () => {
    const { paginator } = patPaginator();
    // {"Other": "x", "boto_truncate_amount": 1}
    const StartingToken = Buffer.from('{"Other": "x", "boto_truncate_amount": 1}').toString(
      'base64',
    );
    const pages = paginator.paginate({ PaginationConfig: { StartingToken, MaxItems: 2 } });
    await expect(collect(pages)).rejects.toThrow(
      new PyValueError("Bad starting token: {'Other': 'x', 'boto_truncate_amount': 3}"),
    );
  });

  describe('search', () => {
    it('yields the items of list results one by one', async () => {
      const paginator = new Paginator(richMethod, RICH_CONFIG);
      const found = await collect(paginator.paginate({}).search('Items'));
      expect(found).toEqual(['i0', 'i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
    });

    it('yields other results as they are, null included, as botocore does', async () => {
      const paginator = new Paginator(richMethod, RICH_CONFIG);
      expect(await collect(paginator.paginate({}).search('Count'))).toEqual([3, 3, 1]);
      expect(await collect(paginator.paginate({}).search('Meta.Missing'))).toEqual([
        null,
        null,
        null,
      ]);
    });

    it('reads an unquoted backtick literal as a string, as jmespath.py does', async () => {
      const paginator = new Paginator(richMethod, RICH_CONFIG);
      const found = await collect(paginator.paginate({}).search('Items[?@ == `i4`]'));
      expect(found).toEqual(['i4']);
    });
  });

  // Expected values were produced by botocore with the same method and configuration.
  describe('with secondary result keys, non-aggregate keys and more_results', () => {
    it('builds the full result: lists joined, numbers summed, first-page non-aggregate keys', async () => {
      const paginator = new Paginator(richMethod, RICH_CONFIG);
      expect(await paginator.paginate({}).buildFullResult()).toEqual({
        Items: ['i0', 'i1', 'i2', 'i3', 'i4', 'i5', 'i6'],
        Count: 7,
        Meta: { Org: 'm-1' },
      });
      const truncated = paginator.paginate({ PaginationConfig: { MaxItems: 5, PageSize: 3 } });
      expect(JSON.stringify(await truncated.buildFullResult())).toBe(
        JSON.stringify({
          Items: ['i0', 'i1', 'i2', 'i3', 'i4'],
          Count: 6,
          Meta: { Org: 'm-1' },
          NextToken: 'eyJOZXh0VG9rZW4iOiAidG9rLTMiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==',
        }),
      );
    });

    it('keeps a numeric secondary key on a resumed page and stops when more_results is false', async () => {
      const paginator = new Paginator(richMethod, RICH_CONFIG);
      // {"NextToken": "tok-3", "boto_truncate_amount": 1}
      const StartingToken = 'eyJOZXh0VG9rZW4iOiAidG9rLTMiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==';
      const pages = paginator.paginate({ PaginationConfig: { MaxItems: 4, StartingToken } });
      expect(await collect(pages)).toEqual([
        {
          Items: ['i4', 'i5'],
          Count: 3,
          Meta: { Org: 'm-1', Page: 3 },
          IsTruncated: true,
          NextToken: 'tok-6',
        },
        {
          Items: ['i6'],
          Count: 1,
          Meta: { Org: 'm-1', Page: 6 },
          IsTruncated: false,
          NextToken: 'tok-9',
        },
      ]);
      expect(pages.resumeToken).toBeUndefined();
    });
  });
});
