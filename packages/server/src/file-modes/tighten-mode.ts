/**
 * Narrows the permissions of an existing file or directory to the mode it must have, and says so.
 * @module
 */
import { chmodSync, statSync } from 'node:fs';

/**
 * When `path` exists and grants any permission beyond `mode`, sets it to `mode` and logs the path
 * with the old and new modes (never content). A stricter mode is left as it is. Returns the mode
 * found, or undefined when nothing is there.
 */
export function tightenMode(
  path: string,
  mode: number,
  log: (message: string) => void,
): number | undefined {
  const found = modeOf(path);
  if (found === undefined || (found & 0o777 & ~mode) === 0) return found;
  chmodSync(path, mode);
  log(`tightened the mode of ${path} from ${formatMode(found)} to ${formatMode(mode)}`);
  return found;
}

/** The permission bits (with setuid/setgid/sticky) of `path`, or undefined when it is absent. */
export function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** `0644`, as `ls -l` users and chmod read it. */
export function formatMode(mode: number): string {
  return `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;
}
