/**
 * Which database a command uses: --database, MAILPAT_DATABASE_URL, or SQLite in the data dir.
 * @module
 */
import { join } from 'node:path';
import { isPostgresUrl, sqlitePathOf } from '../storage/database-url.js';
import { DATABASE_URL_ENV } from './constants.js';

/**
 * The contract's precedence: the flag, then the environment, then `sqlite:<data-dir>/mailpat.db`.
 * A URL from the environment that names no database mailpat can open (an unknown scheme, no
 * path, set but empty) is refused here, with the variable's name.
 */
export function resolveDatabaseUrl(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  dataDir: string,
): string {
  if (flag !== undefined) return flag;
  const fromEnv = env[DATABASE_URL_ENV];
  if (fromEnv === undefined) return `sqlite:${join(dataDir, 'mailpat.db')}`;
  try {
    if (!isPostgresUrl(fromEnv)) sqlitePathOf(fromEnv);
  } catch (error) {
    throw new Error(`${DATABASE_URL_ENV}: ${(error as Error).message}`, { cause: error });
  }
  return fromEnv;
}
