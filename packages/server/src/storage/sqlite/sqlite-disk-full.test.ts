import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { DatabaseUnavailableError } from '../storage-errors.js';
import { aToken, aUser, anAdminEvent, anOrganization } from '../store-fixtures.js';

const mountPoint = mkdtempSync(join(tmpdir(), 'mailpat-disk-full-'));

/** A 4 MiB tmpfs to fill up; needs root (skipped otherwise). */
function mountSmallFileSystem(): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

/** Writes a file until the file system is full. */
function fillUp(path: string): void {
  const chunk = Buffer.alloc(64 * 1024, 1);
  let size = 0;
  for (;;) {
    try {
      writeFileSync(path, chunk, { flag: 'a' });
      size += chunk.length;
    } catch {
      return;
    }
    if (size > 64 * 1024 * 1024) throw new Error('the file system never filled up');
  }
}

const mounted = mountSmallFileSystem();

afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

describe.skipIf(!mounted)('SQLite store on a full disk', () => {
  it('should fail writes with DatabaseUnavailableError and write again once there is room', async () => {
    const store = await openStore(`sqlite:${join(mountPoint, 'mailpat.db')}`);
    try {
      const org = await store.insertOrganization(anOrganization());
      const user = await store.insertUser(aUser(org.id));
      const filler = join(mountPoint, 'filler');
      fillUp(filler);
      let failure: unknown;
      for (let i = 0; i < 5_000 && failure === undefined; i++) {
        const token = aToken(user);
        await store.insertToken(token, anAdminEvent(token)).catch((error: unknown) => {
          failure = error;
        });
      }
      expect(failure).toBeInstanceOf(DatabaseUnavailableError);
      expect(await store.getUser(org.id, user.id)).toEqual(user); // reads still work

      rmSync(filler);
      const record = aToken(user);
      const token = await store.insertToken(record, anAdminEvent(record));
      expect(await store.findTokenBySecretHash(token.secretHash)).toEqual(token);
    } finally {
      await store.close();
    }
  });
});
