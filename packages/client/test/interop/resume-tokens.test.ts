/**
 * Interop: resume tokens cross between @mailpat/client, real boto3 and the real aws CLI, all
 * against one real `mailpat serve` (built dist; run `npm run build` first). A token printed by one
 * continues in the others, and the parts chained together are exactly the full list: same items,
 * same order, no duplicates. boto3 and @mailpat/client print byte-identical tokens.
 *
 * mailpat's own NextTokens carry their issue time (ms) and an HMAC, so two runs of the same
 * (MaxItems, PageSize) get different service tokens inside the resume token. Where the service
 * token is fresh, tokens are compared with that issue time masked (the wrapper JSON, the cursor
 * and the truncate amount byte for byte); where it is not (no service token yet, or the one of a
 * shared StartingToken), the resume token strings themselves must be identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAwsCli } from '../../../server/test/support/aws-cli.js';
import { runBoto3 } from '../../../server/test/support/boto3.js';
import type { Boto3Outcome, Boto3Step } from '../../../server/test/support/boto3.js';
import { createOrgWithUsers, createToken } from '../../../server/test/support/fixtures.js';
import type { OrgFixture } from '../../../server/test/support/fixtures.js';
import type { MailpatProcess } from '../../../server/test/support/mailpat-process.js';
import { startMailpat } from '../../../server/test/support/mailpat-process.js';
import { WorkMailClient } from '../../src/index.js';

const TOKEN_COUNT = 37;
const MAX_ITEMS = 7;
const PAGE_SIZE = 3;
const OPERATION = 'list_personal_access_tokens';

let server: MailpatProcess;
let client: WorkMailClient;
let fixture: OrgFixture;
/** One boto3 run made up front (one python process): the references and the first parts. */
let boto3Start: Boto3Outcome[];

interface Scope {
  OrganizationId: string;
  UserId?: string;
}

type Page = Record<string, unknown>;

function idsOf(pages: readonly Page[] | undefined): string[] {
  const ids: string[] = [];
  for (const page of pages ?? []) {
    const summaries = (page.PersonalAccessTokenSummaries ?? []) as {
      PersonalAccessTokenId: string;
    }[];
    for (const summary of summaries) ids.push(summary.PersonalAccessTokenId);
  }
  return ids;
}

/**
 * A resume token with the issue time and HMAC of its service token masked: the decoded wrapper
 * JSON (key order and spacing included), the service token's cursor bytes, the truncate amount.
 */
function comparable(token: string | null | undefined): string | undefined {
  if (typeof token !== 'string') return undefined;
  const wrapper = Buffer.from(token, 'base64').toString('utf8');
  expect(Buffer.from(wrapper, 'utf8').toString('base64')).toBe(token);
  return wrapper.replace(/"NextToken": "([^"]+)"/, (_, inner: string) => {
    const raw = Buffer.from(inner, 'base64');
    const masked = Buffer.concat([raw.subarray(0, 1), raw.subarray(7, raw.length - 32)]);
    return `"NextToken": "<${masked.toString('hex')}>"`;
  });
}

function expectExactly(parts: readonly string[][], reference: readonly string[]): void {
  const union = parts.flat();
  expect(new Set(union).size).toBe(union.length);
  expect(union).toEqual(reference);
}

/** @mailpat/client's paginator: one run, its item ids and resume token. */
async function mailpatRun(
  scope: Scope,
  config: { MaxItems?: number; PageSize?: number; StartingToken?: string },
): Promise<{ ids: string[]; resumeToken: string | undefined }> {
  const pages = client.getPaginator(OPERATION).paginate({ ...scope, PaginationConfig: config });
  const collected: Page[] = [];
  for await (const page of pages) collected.push(page as unknown as Page);
  return { ids: idsOf(collected), resumeToken: pages.resumeToken };
}

/** Chains @mailpat/client runs of MaxItems/PageSize from `token` until no resume token is left. */
async function mailpatChain(scope: Scope, token: string): Promise<string[][]> {
  const parts: string[][] = [];
  let next: string | undefined = token;
  for (let guard = 0; next !== undefined; guard++) {
    expect(guard).toBeLessThan(TOKEN_COUNT);
    const run = await mailpatRun(scope, {
      MaxItems: MAX_ITEMS,
      PageSize: PAGE_SIZE,
      StartingToken: next,
    });
    parts.push(run.ids);
    next = run.resumeToken;
  }
  return parts;
}

function cliScope(scope: Scope): string[] {
  const args = ['list-personal-access-tokens', '--organization-id', scope.OrganizationId];
  if (scope.UserId !== undefined) args.push('--user-id', scope.UserId);
  return args;
}

async function cliIds(scope: Scope, extra: string[]): Promise<{ ids: string[]; next?: string }> {
  const out = await runAwsCli(server, [...cliScope(scope), ...extra]);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return {
    ids: idsOf([out.json ?? {}]),
    next: out.json?.NextToken as string | undefined,
  };
}

/** The aws CLI from `token`: everything left in one call, and chained with --max-items. */
async function cliFrom(
  scope: Scope,
  token: string,
): Promise<{ rest: string[]; chained: string[][] }> {
  const rest = (await cliIds(scope, ['--starting-token', token])).ids;
  const chained: string[][] = [];
  let next: string | undefined = token;
  for (let guard = 0; next !== undefined; guard++) {
    expect(guard).toBeLessThan(TOKEN_COUNT);
    const out = await cliIds(scope, [
      '--starting-token',
      next,
      '--max-items',
      String(MAX_ITEMS),
      '--page-size',
      String(PAGE_SIZE),
    ]);
    chained.push(out.ids);
    next = out.next;
  }
  return { rest, chained };
}

function paginateStep(scope: Scope, config: Record<string, unknown> = {}): Boto3Step {
  return { paginate: OPERATION, params: { ...scope }, PaginationConfig: config };
}

function boto3Ok(outcome: Boto3Outcome | undefined): Boto3Outcome {
  expect(outcome?.error).toBeUndefined();
  expect(outcome?.pages).toBeDefined();
  return outcome!;
}

const org = (): Scope => ({ OrganizationId: fixture.organizationId });
const user0 = (): Scope => ({
  OrganizationId: fixture.organizationId,
  UserId: fixture.users[0]!.id,
});
/** (MaxItems, PageSize) pairs whose resume tokens are compared byte for byte. */
/** Shapes that stop inside the first page, so the resume token holds no fresh service token. */
const IDENTICAL_SHAPES = [
  { MaxItems: 1, PageSize: PAGE_SIZE },
  { MaxItems: 2, PageSize: 5 },
  { MaxItems: 4 },
];
const TOKEN_SHAPES: [number, number][] = [
  [MAX_ITEMS, PAGE_SIZE],
  [6, 3],
  [10, 4],
  [1, 5],
  [20, 7],
];

beforeAll(async () => {
  server = await startMailpat();
  client = new WorkMailClient({
    endpoint: server.url,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    maxAttempts: 1,
  });
  fixture = await createOrgWithUsers(server, 2);
  for (let i = 0; i < TOKEN_COUNT; i++) {
    await createToken(server, fixture.organizationId, fixture.users[i % 2]!.id, `token-${i}`);
  }
  boto3Start = await runBoto3(server, [
    paginateStep(org()),
    paginateStep(org(), { MaxItems: MAX_ITEMS, PageSize: PAGE_SIZE }),
    paginateStep(user0()),
    paginateStep(user0(), { MaxItems: MAX_ITEMS, PageSize: PAGE_SIZE }),
    ...TOKEN_SHAPES.map(([MaxItems, PageSize]) => paginateStep(org(), { MaxItems, PageSize })),
    paginateStep(org(), { MaxItems: 2, PageSize: 5 }),
  ]);
});
afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

describe('resume tokens across boto3, the aws CLI and @mailpat/client', () => {
  it('boto3 and @mailpat/client list the same reference order', async () => {
    const reference = idsOf(boto3Ok(boto3Start[0]).pages);
    expect(reference).toHaveLength(TOKEN_COUNT);
    expect(new Set(reference).size).toBe(TOKEN_COUNT);
    expect((await mailpatRun(org(), {})).ids).toEqual(reference);
    expect(boto3Start[0]!.resumeToken ?? undefined).toBeUndefined();
  });

  it('a resume token before any service token is the same string in both', async () => {
    const theirs = boto3Ok(boto3Start[4 + TOKEN_SHAPES.length]);
    const ours = await mailpatRun(org(), { MaxItems: 2, PageSize: 5 });
    expect(Buffer.from(ours.resumeToken!, 'base64').toString()).toBe(
      '{"NextToken": null, "boto_truncate_amount": 2}',
    );
    expect(ours.resumeToken).toBe(theirs.resumeToken);
    expect(ours.ids).toEqual(idsOf(theirs.pages));
  });

  it('a boto3 resume token (mid-page truncation) continues in @mailpat/client', async () => {
    const reference = idsOf(boto3Ok(boto3Start[0]).pages);
    const first = boto3Ok(boto3Start[1]);
    const head = idsOf(first.pages);
    expect(head).toHaveLength(MAX_ITEMS);
    // 7 items in pages of 3: the third page was cut after one item, so the token carries an index.
    expect(first.pages).toHaveLength(3);
    expect(typeof first.resumeToken).toBe('string');
    const token = first.resumeToken!;

    const rest = await mailpatRun(org(), { StartingToken: token });
    expect(rest.resumeToken).toBeUndefined();
    expectExactly([head, rest.ids], reference);

    const chained = await mailpatChain(org(), token);
    expect(chained.slice(0, -1).every((part) => part.length === MAX_ITEMS)).toBe(true);
    expectExactly([head, ...chained], reference);
  });

  it('a @mailpat/client resume token continues in boto3 and the aws CLI; tokens match boto3', async () => {
    const reference = idsOf(boto3Ok(boto3Start[0]).pages);
    const first = await mailpatRun(org(), { MaxItems: MAX_ITEMS, PageSize: PAGE_SIZE });
    expect(first.ids).toHaveLength(MAX_ITEMS);
    const token = first.resumeToken!;
    expect(comparable(token)).toBe(comparable(boto3Start[1]!.resumeToken));
    expect(comparable(token)).toMatch(/"boto_truncate_amount": 1}$/);
    for (const [i, [MaxItems, PageSize]] of TOKEN_SHAPES.entries()) {
      const theirs = boto3Ok(boto3Start[4 + i]);
      const ours = await mailpatRun(org(), { MaxItems, PageSize });
      expect(theirs.resumeToken, `MaxItems ${MaxItems}, PageSize ${PageSize}`).toEqual(
        expect.any(String),
      );
      expect(comparable(ours.resumeToken), `MaxItems ${MaxItems}, PageSize ${PageSize}`).toBe(
        comparable(theirs.resumeToken),
      );
      expect(ours.ids).toEqual(idsOf(theirs.pages));
    }

    // One python process: the rest in one go, and the next chained part.
    const config = { MaxItems: MAX_ITEMS, PageSize: PAGE_SIZE, StartingToken: token };
    const [rest, next, ...sameServiceToken] = await runBoto3(server, [
      paginateStep(org(), { StartingToken: token }),
      paginateStep(org(), config),
      ...IDENTICAL_SHAPES.map((shape) => paginateStep(org(), { ...shape, StartingToken: token })),
    ]);
    expectExactly([first.ids, idsOf(boto3Ok(rest).pages)], reference);
    const ourNext = await mailpatRun(org(), config);
    expect(idsOf(boto3Ok(next).pages)).toEqual(ourNext.ids);
    expect(comparable(next!.resumeToken)).toBe(comparable(ourNext.resumeToken));
    // Truncated within the first page: both reuse the StartingToken's service token, so the
    // resume tokens are the same string.
    for (const [i, shape] of IDENTICAL_SHAPES.entries()) {
      const theirs = boto3Ok(sameServiceToken[i]);
      const ours = await mailpatRun(org(), { ...shape, StartingToken: token });
      expect(ours.resumeToken, JSON.stringify(shape)).toEqual(expect.any(String));
      expect(ours.resumeToken, JSON.stringify(shape)).toBe(theirs.resumeToken);
      expect(ours.ids).toEqual(idsOf(theirs.pages));
    }

    const cli = await cliFrom(org(), token);
    expectExactly([first.ids, cli.rest], reference);
    expect(cli.chained.slice(0, -1).every((part) => part.length === MAX_ITEMS)).toBe(true);
    expectExactly([first.ids, ...cli.chained], reference);
  });

  it('with the UserId filter, tokens cross boto3, @mailpat/client and the aws CLI', async () => {
    const reference = idsOf(boto3Ok(boto3Start[2]).pages);
    expect(reference).toHaveLength(Math.ceil(TOKEN_COUNT / 2));
    expect((await mailpatRun(user0(), {})).ids).toEqual(reference);

    // boto3 -> @mailpat/client.
    const boto3First = boto3Ok(boto3Start[3]);
    const boto3Head = idsOf(boto3First.pages);
    const token = boto3First.resumeToken!;
    expectExactly([boto3Head, ...(await mailpatChain(user0(), token))], reference);

    // @mailpat/client -> boto3 and the aws CLI, from the identical token.
    const ours = await mailpatRun(user0(), { MaxItems: MAX_ITEMS, PageSize: PAGE_SIZE });
    expect(comparable(ours.resumeToken)).toBe(comparable(token));
    expect(ours.ids).toEqual(boto3Head);
    const ourToken = ours.resumeToken!;
    const [rest] = await runBoto3(server, [paginateStep(user0(), { StartingToken: ourToken })]);
    expectExactly([ours.ids, idsOf(boto3Ok(rest).pages)], reference);
    const cli = await cliFrom(user0(), ourToken);
    expectExactly([ours.ids, cli.rest], reference);
    expectExactly([ours.ids, ...cli.chained], reference);
  });
});
