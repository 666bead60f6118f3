import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Paginator } from './paginator.js';
import {
  FAKE_USERS,
  fakeSummary,
  FakePatService,
  type FakeListRequest,
  type FakeListResponse,
} from './test-support/fake-pat-service.js';

const CONFIG = {
  inputToken: 'NextToken',
  outputToken: 'NextToken',
  limitKey: 'MaxResults',
  resultKey: 'PersonalAccessTokenSummaries',
} as const;

const scenario = fc.record({
  items: fc.integer({ min: 0, max: 300 }),
  defaultPageSize: fc.integer({ min: 1, max: 40 }),
  pageSize: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  maxItems: fc.integer({ min: 1, max: 70 }),
  userId: fc.option(fc.constantFrom(...FAKE_USERS), { nil: undefined }),
  asStrings: fc.boolean(),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function expectedIds({ items, userId }: Scenario): string[] {
  const all = Array.from({ length: items }, (_, index) => fakeSummary(index));
  return all
    .filter((item) => userId === undefined || item.UserId === userId)
    .map((item) => item.PersonalAccessTokenId);
}

// Runs paginate() repeatedly, each time from the previous resume token, until none is left.
async function runChain(s: Scenario) {
  const service = new FakePatService(s);
  const paginator = new Paginator<FakeListRequest, FakeListResponse>(
    service.listPersonalAccessTokens,
    CONFIG,
  );
  const inputs: unknown[] = [];
  const ids: string[] = [];
  let startingToken: string | undefined;
  for (let step = 0; step <= s.items + 1; step += 1) {
    const size = (n: number | undefined) => (s.asStrings && n !== undefined ? String(n) : n);
    const input = deepFreeze({
      OrganizationId: 'm-1',
      ...(s.userId === undefined ? {} : { UserId: s.userId }),
      PaginationConfig: {
        MaxItems: size(s.maxItems),
        PageSize: size(s.pageSize),
        StartingToken: startingToken,
      },
    });
    inputs.push({ input, before: structuredClone(input) });
    const pages = paginator.paginate(input);
    const stepIds: string[] = [];
    for await (const page of pages) {
      stepIds.push(...page.PersonalAccessTokenSummaries.map((item) => item.PersonalAccessTokenId));
    }
    expect(stepIds.length).toBeLessThanOrEqual(s.maxItems);
    if (pages.resumeToken !== undefined) expect(stepIds).toHaveLength(s.maxItems);
    ids.push(...stepIds);
    startingToken = pages.resumeToken;
    if (startingToken === undefined) return { ids, inputs, service };
  }
  throw new Error('the chain of resume tokens did not end');
}

describe('Paginator properties', () => {
  it('visits every item exactly once, in order, when resume tokens are chained', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { ids } = await runChain(s);
        expect(ids).toEqual(expectedIds(s));
      }),
      { numRuns: 200 },
    );
  });

  it("never mutates the caller's input nor a request already sent", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { inputs, service } = await runChain(s);
        for (const { input, before } of inputs as { input: unknown; before: unknown }[]) {
          expect(input).toEqual(before);
        }
        const now = service.received.map((request) => JSON.stringify(request));
        expect(now).toEqual(service.snapshots);
      }),
      { numRuns: 100 },
    );
  });

  it('returns every item with buildFullResult when MaxItems is not set', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const service = new FakePatService(s);
        const paginator = new Paginator(service.listPersonalAccessTokens, CONFIG);
        const input = { UserId: s.userId, PaginationConfig: { PageSize: s.pageSize } };
        const full = await paginator.paginate(input).buildFullResult();
        const ids = (full.PersonalAccessTokenSummaries ?? []).map((i) => i.PersonalAccessTokenId);
        expect(ids).toEqual(expectedIds(s));
        expect(full.NextToken).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});
