/**
 * The consistency scenario of ListPersonalAccessTokens: one full pagination while another
 * client creates tokens and deletes some (a fifth of the initial ones among them), and what it
 * must show: every token that survived throughout exactly once, no duplicate, nothing unknown.
 * @module
 */
import { expect } from 'vitest';
import { WM, createToken } from './fixtures.js';
import type { MailpatProcess } from './mailpat-process.js';
import { call } from './signed-request.js';

export interface PaginationUnderWrites {
  organizationId: string;
  userIds: readonly string[];
  /** Tokens created before the pagination starts; every fifth is deleted during it. */
  initial: readonly string[];
  /** The instance that serves page `pageNumber` (0-based). */
  pageThrough: (pageNumber: number) => MailpatProcess;
  /** The instances the writer's `round`-th create and delete go to. */
  writeThrough: (round: number) => { create: MailpatProcess; remove: MailpatProcess };
}

export interface PaginationOutcome {
  seen: string[];
  pages: number;
  createdDuring: string[];
  victims: Set<string>;
}

/** Runs the pagination (7 per page, a short pause between pages) beside the writer. */
export async function paginateUnderWrites(
  scenario: PaginationUnderWrites,
): Promise<PaginationOutcome> {
  const { organizationId, userIds } = scenario;
  const victims = new Set(scenario.initial.filter((_, i) => i % 5 === 2));
  const createdDuring: string[] = [];
  let paginating = true;
  const writer = (async () => {
    const queue = [...victims];
    for (let round = 0; paginating; round++) {
      const { create, remove } = scenario.writeThrough(round);
      const user = userIds[round % userIds.length]!;
      const fresh = await createToken(create, organizationId, user, `during-${round}`);
      createdDuring.push(fresh.id);
      // The victims first, then every other token the writer itself created.
      const victim = queue.shift() ?? (round % 2 === 0 ? fresh.id : undefined);
      if (victim !== undefined) {
        await call(remove, WM('DeletePersonalAccessToken'), {
          OrganizationId: organizationId,
          PersonalAccessTokenId: victim,
        });
      }
    }
  })();

  const seen: string[] = [];
  let NextToken: string | undefined;
  let pages = 0;
  try {
    do {
      const page = (await call(scenario.pageThrough(pages++), WM('ListPersonalAccessTokens'), {
        OrganizationId: organizationId,
        MaxResults: 7,
        ...(NextToken ? { NextToken } : {}),
      })) as unknown as {
        PersonalAccessTokenSummaries: { PersonalAccessTokenId: string }[];
        NextToken?: string;
      };
      seen.push(...page.PersonalAccessTokenSummaries.map((t) => t.PersonalAccessTokenId));
      NextToken = page.NextToken;
      // The writer keeps up: at least one create per two pages, however fast a page is (a
      // faster list once outran it, and the scenario then tested too few writes).
      const deadline = Date.now() + 10_000;
      do await new Promise((resolve) => setTimeout(resolve, 5));
      while (createdDuring.length < pages / 2 && Date.now() < deadline);
    } while (NextToken);
  } finally {
    paginating = false;
    await writer;
  }
  return { seen, pages, createdDuring, victims };
}

/**
 * The promise: no duplicate; every survivor among `initial` and `existing` (tokens that were
 * there before and not touched) seen; nothing seen that was never created.
 */
export function expectEverySurvivorOnce(
  outcome: PaginationOutcome,
  initial: readonly string[],
  existing: readonly string[] = [],
): void {
  const { seen, createdDuring, victims } = outcome;
  expect(createdDuring.length).toBeGreaterThan(10);
  expect(new Set(seen).size).toBe(seen.length);
  const seenSet = new Set(seen);
  const survivors = [...existing, ...initial.filter((id) => !victims.has(id))];
  expect(survivors.filter((id) => !seenSet.has(id))).toEqual([]);
  const known = new Set([...existing, ...initial, ...createdDuring]);
  expect(seen.filter((id) => !known.has(id))).toEqual([]);
}
