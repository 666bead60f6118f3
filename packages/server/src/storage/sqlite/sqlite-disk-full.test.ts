import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { DatabaseUnavailableError } from '../storage-errors.js';
import { mountSmallFileSystem } from '../../../test/support/small-file-system.js';
import { aToken, aUser, anAdminEvent, anOrganization } from '../store-fixtures.js';

const disk = mountSmallFileSystem(4);

afterAll(() => disk?.unmount());

describe.skipIf(disk === undefined)('SQLite store on a full disk', () => {
  it('should fail writes with DatabaseUnavailableError and write again once there is room', async () => {
    const store = await openStore(`sqlite:${join(disk!.path, 'mailpat.db')}`);
    try {
      const org = await store.insertOrganization(anOrganization());
      const user = await store.insertUser(aUser(org.id));
      disk!.fillUp('filler');
      let failure: unknown;
      for (let i = 0; i < 5_000 && failure === undefined; i++) {
        const token = aToken(user);
        await store.insertToken(token, anAdminEvent(token)).catch((error: unknown) => {
          failure = error;
        });
      }
      expect(failure).toBeInstanceOf(DatabaseUnavailableError);
      expect(await store.getUser(org.id, user.id)).toEqual(user); // reads still work

      rmSync(join(disk!.path, 'filler'));
      const record = aToken(user);
      const token = await store.insertToken(record, anAdminEvent(record));
      expect(await store.findTokenBySecretHash(token.secretHash)).toEqual(token);
    } finally {
      await store.close();
    }
  });
});
