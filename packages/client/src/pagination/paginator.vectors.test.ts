import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Paginator } from './paginator.js';
import {
  FakePatService,
  type FakeListRequest,
  type FakeListResponse,
  type FakeServiceOptions,
} from './test-support/fake-pat-service.js';
import type { PaginationConfig, PaginatorConfig } from './types.js';

// What botocore's own paginator did, request by request (test/fixtures/README.md).
const VECTORS_PATH = fileURLToPath(
  new URL('../../test/fixtures/botocore-pagination.json', import.meta.url),
);

interface VectorCase {
  name: string;
  note?: string;
  service: FakeServiceOptions;
  paginate: FakeListRequest & { PaginationConfig?: PaginationConfig };
  mode: 'pages' | 'full' | 'chain';
  expect: {
    requests: unknown[];
    pages?: unknown[];
    resumeToken?: string | null;
    fullResult?: unknown;
    error?: string;
    message?: string;
    steps?: { startingToken: string | null; ids: string[]; resumeToken: string | null }[];
  };
}

interface Vectors {
  paginatorConfig: {
    input_token: string;
    output_token: string;
    limit_key: string;
    result_key: string;
  };
  cases: VectorCase[];
}

function loadVectors(): Vectors {
  if (!existsSync(VECTORS_PATH)) {
    throw new Error(
      `botocore pagination vectors missing at ${VECTORS_PATH}: the fixture is part of the repository`,
    );
  }
  return JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as Vectors;
}

const vectors = loadVectors();

function toConfig(raw: Vectors['paginatorConfig']): PaginatorConfig {
  return {
    inputToken: raw.input_token,
    outputToken: raw.output_token,
    limitKey: raw.limit_key,
    resultKey: raw.result_key,
  };
}

function setUp(vector: VectorCase) {
  const service = new FakePatService(vector.service);
  const paginator = new Paginator<FakeListRequest, FakeListResponse>(
    service.listPersonalAccessTokens,
    toConfig(vectors.paginatorConfig),
  );
  return { service, paginator };
}

// Byte for byte: key order included, as botocore built each dict.
function expectSameJson(actual: unknown, expected: unknown): void {
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

async function runChain(vector: VectorCase) {
  const { service, paginator } = setUp(vector);
  const steps: { startingToken: string | null; ids: string[]; resumeToken: string | null }[] = [];
  let startingToken: string | undefined;
  do {
    const config = { ...vector.paginate.PaginationConfig, StartingToken: startingToken };
    const pages = paginator.paginate({ ...vector.paginate, PaginationConfig: config });
    const ids: string[] = [];
    for await (const page of pages) {
      ids.push(...page.PersonalAccessTokenSummaries.map((item) => item.PersonalAccessTokenId));
    }
    steps.push({
      startingToken: startingToken ?? null,
      ids,
      resumeToken: pages.resumeToken ?? null,
    });
    startingToken = pages.resumeToken;
  } while (startingToken !== undefined && steps.length < 100);
  return { steps, requests: service.requests };
}

describe('Paginator against the botocore vectors', () => {
  it('replays every recorded case', () => {
    expect(vectors.cases.length).toBeGreaterThan(0);
  });

  for (const vector of vectors.cases) {
    const title = vector.note ? `${vector.name}: ${vector.note}` : vector.name;

    it(`reproduces ${title}`, async () => {
      const { service, paginator } = setUp(vector);
      const input = structuredClone(vector.paginate);
      if (vector.mode === 'chain') {
        const { steps, requests } = await runChain(vector);
        expectSameJson(steps, vector.expect.steps);
        expectSameJson(requests, vector.expect.requests);
        return;
      }
      const pageIterator = paginator.paginate(input);
      if (vector.mode === 'full') {
        expectSameJson(await pageIterator.buildFullResult(), vector.expect.fullResult);
      } else if (vector.expect.error !== undefined) {
        const failure = (async () => {
          for await (const _page of pageIterator);
        })();
        await expect(failure).rejects.toMatchObject({
          name: vector.expect.error,
          message: vector.expect.message,
        });
      } else {
        const pages: unknown[] = [];
        for await (const page of pageIterator) pages.push(page);
        expectSameJson(pages, vector.expect.pages);
        expect(pageIterator.resumeToken ?? null).toBe(vector.expect.resumeToken);
      }
      expectSameJson(service.requests, vector.expect.requests);
      expect(input).toEqual(vector.paginate);
    });
  }
});
