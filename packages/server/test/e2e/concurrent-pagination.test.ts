/**
 * The consistency promise of ListPersonalAccessTokens: one full pagination returns every token
 * that existed from its first to its last request exactly once, while another client creates
 * and deletes tokens, and never returns a duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WM, createOrgWithUsers, createToken } from '../support/fixtures.js';
import type { OrgFixture } from '../support/fixtures.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { startMailpat } from '../support/mailpat-process.js';
import { call } from '../support/signed-request.js';

let server: MailpatProcess;
let org: OrgFixture;
const initial: string[] = [];

beforeAll(async () => {
  server = await startMailpat();
  org = await createOrgWithUsers(server, 3);
  for (let i = 0; i < 240; i++) {
    initial.push((await createToken(server, org.organizationId, org.users[i % 3]!.id, `t${i}`)).id);
  }
});
afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

describe('ListPersonalAccessTokens under concurrent writes', () => {
  it('returns every surviving token exactly once and no duplicates', async () => {
    // Every fifth initial token is deleted during the pagination; the rest must all be seen.
    const victims = new Set(initial.filter((_, i) => i % 5 === 2));
    let paginating = true;
    const createdDuring: string[] = [];

    const writer = (async () => {
      const queue = [...victims];
      let i = 0;
      while (paginating) {
        const user = org.users[i % 3]!.id;
        const fresh = await createToken(server, org.organizationId, user, `during-${i}`);
        createdDuring.push(fresh.id);
        const victim = queue.shift();
        const toDelete = victim ?? (i % 2 === 0 ? fresh.id : undefined);
        if (toDelete) {
          await call(server, WM('DeletePersonalAccessToken'), {
            OrganizationId: org.organizationId,
            PersonalAccessTokenId: toDelete,
          });
        }
        i++;
      }
    })();

    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = (await call(server, WM('ListPersonalAccessTokens'), {
        OrganizationId: org.organizationId,
        MaxResults: 7,
        ...(NextToken ? { NextToken } : {}),
      })) as {
        PersonalAccessTokenSummaries: { PersonalAccessTokenId: string }[];
        NextToken?: string;
      };
      seen.push(...page.PersonalAccessTokenSummaries.map((t) => t.PersonalAccessTokenId));
      NextToken = page.NextToken;
      // Give the writer room to interleave between pages.
      await new Promise((resolve) => setTimeout(resolve, 5));
    } while (NextToken);
    paginating = false;
    await writer;

    expect(createdDuring.length).toBeGreaterThan(10);
    expect(new Set(seen).size).toBe(seen.length);
    const seenSet = new Set(seen);
    const survivors = initial.filter((id) => !victims.has(id));
    expect(survivors.filter((id) => !seenSet.has(id))).toEqual([]);
    const known = new Set([...initial, ...createdDuring]);
    expect(seen.filter((id) => !known.has(id))).toEqual([]);
  });
});
