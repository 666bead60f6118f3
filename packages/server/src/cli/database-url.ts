/** @module Which database a command uses: --database, MAILPAT_DATABASE_URL, or SQLite in the data dir. */
import { join } from 'node:path';

/** The contract's precedence: the flag, then the environment, then `sqlite:<data-dir>/mailpat.db`. */
export function resolveDatabaseUrl(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  dataDir: string,
): string {
  return flag ?? env.MAILPAT_DATABASE_URL ?? `sqlite:${join(dataDir, 'mailpat.db')}`;
}
