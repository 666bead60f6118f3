import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../..');
/** The sibling folder of reference material that must never be needed (split so this file passes). */
const OUTSIDE = ['..', 'shared'].join('/');

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return out.split('\0').filter((path) => path !== '' && existsSync(join(REPO_ROOT, path)));
}

describe('the repository', () => {
  it.skipIf(!existsSync(join(REPO_ROOT, '.git')))(
    'reads nothing from the reference folder beside it',
    () => {
      const readers = trackedFiles().filter((path) =>
        readFileSync(join(REPO_ROOT, path), 'latin1').includes(`${OUTSIDE}/`),
      );
      expect(readers).toEqual([]);
    },
  );
});
