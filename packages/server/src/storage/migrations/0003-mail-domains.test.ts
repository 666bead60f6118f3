import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { legacyDatabases } from './test-support/legacy-databases.js';
import { organizationToRow } from '../rows/organization-rows.js';
import { userToRow } from '../rows/user-rows.js';
import { MigrationRefusedError } from '../storage-errors.js';
import { aUser, anOrganization } from '../store-fixtures.js';

const backends = legacyDatabases('0002-token-events');

describe.each(backends)('migration 0003-mail-domains (%s)', (_name, makeLegacy) => {
  it('should copy the live domains and keep every row', async () => {
    const { url, db } = await makeLegacy();
    const live = anOrganization({ alias: 'live', domains: ['live.awsapps.com', 'Live.Example'] });
    const gone = anOrganization({ alias: 'gone', state: 'Deleted', domains: ['live.example'] });
    await db.insertInto('organizations').values([live, gone].map(organizationToRow)).execute();
    const user = aUser(live.id, { email: 'ceo@live.example' });
    await db.insertInto('users').values(userToRow(user)).execute();
    await db.destroy();

    const store = await openStore(url);
    expect(await store.getOrganization(live.id)).toEqual(live);
    expect(await store.findUser(live.id, 'ceo@live.example')).toEqual(user);
    await expect(
      store.insertOrganization(anOrganization({ domains: ['LIVE.example'] })),
    ).rejects.toMatchObject({ domain: 'live.example' });
    const other = anOrganization();
    await store.insertOrganization(other);
    await expect(
      store.insertUser(aUser(other.id, { email: 'CEO@live.example' })),
    ).rejects.toMatchObject({ constraint: 'users_email' });
    await store.close();
  });

  it('should refuse a shared domain or address, change nothing, and start once resolved', async () => {
    const { url, db } = await makeLegacy();
    const first = anOrganization({ alias: 'first', domains: ['shared.example'] });
    const second = anOrganization({ alias: 'second', domains: ['SHARED.example'] });
    await db.insertInto('organizations').values([first, second].map(organizationToRow)).execute();
    const ceo = aUser(first.id, { email: 'ceo@shared.example' });
    const impostor = aUser(second.id, { email: 'ceo@shared.example' });
    await db.insertInto('users').values([ceo, impostor].map(userToRow)).execute();

    const refused: unknown = await openStore(url).then(
      (store) => store.close(),
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(MigrationRefusedError);
    const message = (refused as Error).message;
    expect(message).toContain(`mail domain shared.example: organizations `);
    expect(message).toContain(first.id);
    expect(message).toContain(`email address ceo@shared.example: users `);
    expect(message).toContain(`${impostor.id} (${second.id})`);
    expect(message).toContain('DeleteOrganization');
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    expect(rows.map((row) => row.name).sort()).toEqual(['0001-initial', '0002-token-events']);
    expect(await db.selectFrom('users').select('id').execute()).toHaveLength(2);

    // What DeleteOrganization did before 0003: a tombstone, its users gone.
    await db.deleteFrom('users').where('organization_id', '=', second.id).execute();
    await db
      .updateTable('organizations')
      .set({ state: 'Deleted' })
      .where('id', '=', second.id)
      .execute();
    await db.destroy();
    const store = await openStore(url);
    expect(await store.findUser(first.id, 'ceo@shared.example')).toEqual(ceo);
    await store.close();
  });
});
