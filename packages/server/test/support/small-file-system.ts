/**
 * A tiny tmpfs to fill up, for tests of a full disk. Mounting needs root; without it the tests
 * that use this are skipped.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallFileSystem {
  path: string;
  /** Appends to `name` until the file system is full. */
  fillUp(name: string): void;
  unmount(): void;
}

/** Mounts a tmpfs of `sizeMiB`, or returns undefined when this process may not mount. */
export function mountSmallFileSystem(sizeMiB: number): SmallFileSystem | undefined {
  const path = mkdtempSync(join(tmpdir(), 'mailpat-small-fs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', path], {
      stdio: 'ignore',
    });
  } catch {
    rmSync(path, { recursive: true, force: true });
    return undefined;
  }
  return {
    path,
    fillUp: (name) => fillUp(join(path, name)),
    unmount: () => {
      execFileSync('umount', [path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

function fillUp(file: string): void {
  const chunk = Buffer.alloc(64 * 1024, 1);
  for (let size = 0; size <= 64 * 1024 * 1024; size += chunk.length) {
    try {
      writeFileSync(file, chunk, { flag: 'a' });
    } catch {
      return;
    }
  }
  throw new Error('the file system never filled up');
}
