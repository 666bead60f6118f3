/**
 * Two `mailpat serve` instances on one PostgreSQL database, one whose clock runs ten minutes
 * behind: creation times come from the database's clock, so a pagination under way on one
 * instance still sees what the other creates, and DateCreated is not ten minutes in the past.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MP, WM, createOrgWithUsers, createToken } from '../../support/fixtures.js';
import type { OrgFixture } from '../../support/fixtures.js';
import { startMailpat } from '../../support/mailpat-process.js';
import type { MailpatProcess } from '../../support/mailpat-process.js';
import { createSharedDatabase } from '../../support/shared-postgres-database.js';
import { call } from '../../support/signed-request.js';

const CLOCK_OFFSET = pathToFileURL(join(import.meta.dirname, '../../support/clock-offset.mjs'));
const BEHIND_MS = 10 * 60_000;

/** Within a minute of this process's clock: what a correct stamp is, under any load. */
const NEAR_NOW_MS = 60_000;

let a: MailpatProcess;
let slow: MailpatProcess;
let org: OrgFixture;

beforeAll(async () => {
  const { databaseUrl, credentials } = await createSharedDatabase('clock');
  // Both start on an empty database: nothing stored yet that the slow one could take a floor from.
  [a, slow] = await Promise.all([
    startMailpat({ databaseUrl, credentials }),
    startMailpat({
      databaseUrl,
      credentials,
      env: { MAILPAT_TEST_CLOCK_OFFSET_MS: String(-BEHIND_MS) },
      preload: [CLOCK_OFFSET],
    }),
  ]);
  org = await createOrgWithUsers(a, 1);
});
afterAll(async () => {
  expect(await a?.stop()).toBe(0);
  expect(await slow?.stop()).toBe(0);
});

/**
 * Every item ID of a `MaxResults: 2` pagination of `operation` on instance `a`, running
 * `meanwhile` after the first page.
 */
async function paginateOnA(
  operation: string,
  input: Record<string, unknown>,
  idsOf: (page: Record<string, unknown>) => string[],
  meanwhile: () => Promise<void>,
): Promise<string[]> {
  const seen: string[] = [];
  let NextToken: string | undefined;
  let pages = 0;
  do {
    const page = await call(a, WM(operation), {
      ...input,
      MaxResults: 2,
      ...(NextToken ? { NextToken } : {}),
    });
    seen.push(...idsOf(page));
    NextToken = page.NextToken as string | undefined;
    if (pages++ === 0) await meanwhile();
  } while (NextToken);
  return seen;
}

describe('an instance whose clock runs behind, beside one on time', () => {
  it('adds tokens that a pagination under way on the other instance still lists', async () => {
    const user = org.users[0]!.id;
    const before: string[] = [];
    for (let i = 0; i < 4; i++) {
      before.push((await createToken(a, org.organizationId, user, `on-time-${i}`)).id);
    }
    const fromSlow: string[] = [];
    const seen = await paginateOnA(
      'ListPersonalAccessTokens',
      { OrganizationId: org.organizationId },
      (page) =>
        (page.PersonalAccessTokenSummaries as { PersonalAccessTokenId: string }[]).map(
          (token) => token.PersonalAccessTokenId,
        ),
      async () => {
        for (let i = 0; i < 3; i++) {
          fromSlow.push((await createToken(slow, org.organizationId, user, `slow-${i}`)).id);
        }
      },
    );
    expect(seen).toEqual([...before, ...fromSlow]);
  });

  it("stamps DateCreated from the database's clock and keeps the lifetime asked for", async () => {
    const created = await call(slow, MP('CreatePersonalAccessToken'), {
      OrganizationId: org.organizationId,
      UserId: org.users[0]!.id,
      Name: 'stamped',
      ExpiresInDays: 7,
    });
    const dateCreated = created.DateCreated as number;
    expect(Math.abs(dateCreated * 1000 - Date.now())).toBeLessThan(NEAR_NOW_MS);
    expect((created.ExpiresTime as number) - dateCreated).toBeCloseTo(7 * 86_400, 3);
    const stored = await call(a, WM('GetPersonalAccessTokenMetadata'), {
      OrganizationId: org.organizationId,
      PersonalAccessTokenId: created.PersonalAccessTokenId,
    });
    expect(stored).toMatchObject({ DateCreated: dateCreated, ExpiresTime: created.ExpiresTime });
  });

  it('adds users and organizations that paginations under way still list', async () => {
    const newUser = async (server: MailpatProcess, Name: string) =>
      (
        await call(server, WM('CreateUser'), {
          OrganizationId: org.organizationId,
          Name,
          DisplayName: Name,
        })
      ).UserId as string;
    await newUser(a, 'on-time-1');
    await newUser(a, 'on-time-2');
    let slowUser = '';
    const users = await paginateOnA(
      'ListUsers',
      { OrganizationId: org.organizationId },
      (page) => (page.Users as { Id: string }[]).map((user) => user.Id),
      async () => {
        slowUser = await newUser(slow, 'slow-user');
      },
    );
    expect(users.at(-1)).toBe(slowUser);
    expect(users).toHaveLength(4);

    await call(a, WM('CreateOrganization'), { Alias: `on-time-${randomBytes(4).toString('hex')}` });
    await call(a, WM('CreateOrganization'), { Alias: `on-time-${randomBytes(4).toString('hex')}` });
    let slowOrg = '';
    const orgs = await paginateOnA(
      'ListOrganizations',
      {},
      (page) =>
        (page.OrganizationSummaries as { OrganizationId: string }[]).map((o) => o.OrganizationId),
      async () => {
        const created = await call(slow, WM('CreateOrganization'), {
          Alias: `slow-${randomBytes(4).toString('hex')}`,
        });
        slowOrg = created.OrganizationId as string;
      },
    );
    expect(orgs.at(-1)).toBe(slowOrg);
    expect(orgs).toHaveLength(4);
  });
});
