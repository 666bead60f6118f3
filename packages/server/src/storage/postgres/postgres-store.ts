/** @module A Store on PostgreSQL: Kysely's PostgresDialect over a pg connection pool. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { KyselyStore } from '../kysely-store.js';
import type { Database } from '../schema.js';
import { CONNECT_TIMEOUT_MS, IDLE_TIMEOUT_MS, POOL_SIZE } from './constants.js';
import { PostgresStoreAdapter } from './postgres-adapter.js';

/** OID of int8 (bigint): timestamps and counts, which stay far below 2^53. */
const INT8_OID = 20;

/** Opens a pool on the database at `url` (not yet migrated: call `migrate()`). */
export function openPostgresStore(url: string): KyselyStore {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, 'text', Number);
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    types,
  });
  // An idle connection that the server drops (restart, failover) emits 'error' on the pool;
  // unhandled, that would end the process. The pool discards it and reconnects on demand.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return new KyselyStore(db, new PostgresStoreAdapter(pool));
}
