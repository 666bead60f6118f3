/**
 * A Store on a SQLite file: SqliteStoreDialect over a statement-caching wrapper.
 * @module
 */
import { Kysely } from 'kysely';
import { KyselyStore } from '../kysely-store.js';
import type { Database } from '../schema.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { SqliteStoreAdapter } from './sqlite-store-adapter.js';
import { SqliteStoreDialect } from './sqlite-store-dialect.js';
import { StatementCachingDatabase } from './statement-cache.js';

/** Opens the SQLite file at `path` (not yet migrated: call `migrate()`). */
export function openSqliteStore(path: string): KyselyStore {
  const database = openSqliteDatabase(path);
  const db = new Kysely<Database>({
    dialect: new SqliteStoreDialect({ database: new StatementCachingDatabase(database) }),
  });
  return new KyselyStore(db, new SqliteStoreAdapter(database));
}
