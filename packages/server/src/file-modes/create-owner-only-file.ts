/**
 * Creating a file that is its owner's alone from its first byte.
 * @module
 */
import { closeSync, fchmodSync, openSync } from 'node:fs';
import { OWNER_ONLY_FILE_MODE } from './constants.js';

/**
 * Creates `path` empty with mode 0600 whatever the umask (SQLite reads an empty file as an empty
 * database); throws EEXIST when it exists.
 */
export function createOwnerOnlyFile(path: string): void {
  const fd = openSync(path, 'wx', OWNER_ONLY_FILE_MODE);
  try {
    fchmodSync(fd, OWNER_ONLY_FILE_MODE); // the creation mode was filtered by the umask
  } finally {
    closeSync(fd);
  }
}
