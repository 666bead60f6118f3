import { describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { legacyDatabases } from './test-support/legacy-databases.js';
import { organizationToRow } from '../rows/organization-rows.js';
import { tokenToRow } from '../rows/token-rows.js';
import { userToRow } from '../rows/user-rows.js';
import { aToken, aUser, anOrganization } from '../store-fixtures.js';

const backends = legacyDatabases('0004-token-event-time');

describe.each(backends)('migration 0006-token-activity (%s)', (_name, makeLegacy) => {
  it('should name the events of existing tokens and leave the others unnamed', async () => {
    const { url, db } = await makeLegacy();
    const org = anOrganization();
    const user = aUser(org.id);
    const token = aToken(user, { name: 'Old phone', lastUsedAt: 42 });
    await db.insertInto('organizations').values(organizationToRow(org)).execute();
    await db.insertInto('users').values(userToRow(user)).execute();
    const { last_used_address: _, ...legacyRow } = tokenToRow(token);
    await db.insertInto('personal_access_tokens').values(legacyRow).execute();
    const event = (tokenId: string, at: number) => ({
      organization_id: org.id,
      token_id: tokenId,
      user_id: user.id,
      type: 'USED',
      at,
      client_address: '192.0.2.1',
    });
    await db
      .insertInto('token_events')
      .values([event(token.id, 1), event('pat-gone', 2)])
      .execute();
    await db.destroy();

    const store = await openStore(url);
    expect(await store.getToken(org.id, token.id)).toEqual(token);
    const events = await store.listUserTokenEvents(org.id, user.id, 10);
    expect(events.map((e) => [e.tokenId, e.tokenName])).toEqual([
      ['pat-gone', null],
      [token.id, 'Old phone'],
    ]);
    await store.close();
  });
});
