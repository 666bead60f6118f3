/**
 * The consistency promise of ListPersonalAccessTokens: one full pagination returns every token
 * that existed from its first to its last request exactly once, while another client creates
 * and deletes tokens, and never returns a duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithUsers, createToken } from '../support/fixtures.js';
import type { OrgFixture } from '../support/fixtures.js';
import type { MailpatProcess } from '../support/mailpat-process.js';
import { startMailpat } from '../support/mailpat-process.js';
import {
  expectEverySurvivorOnce,
  paginateUnderWrites,
} from '../support/pagination-under-writes.js';

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
    const outcome = await paginateUnderWrites({
      organizationId: org.organizationId,
      userIds: org.users.map((user) => user.id),
      initial,
      pageThrough: () => server,
      writeThrough: () => ({ create: server, remove: server }),
    });
    expectEverySurvivorOnce(outcome, initial);
  });
});
