/**
 * A Store on PostgreSQL: Kysely's PostgresDialect over a pg connection pool.
 * @module
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { KyselyStore } from '../kysely-store.js';
import type { Database } from '../schema.js';
import {
  CONNECT_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  KEEPALIVE_INITIAL_DELAY_MS,
  POOL_SIZE,
  QUERY_TIMEOUT_MARGIN_MS,
  STATEMENT_TIMEOUT_MS,
} from './constants.js';
import { PostgresStoreAdapter } from './postgres-store-adapter.js';
import { withPreparedStatements } from './prepared-statements.js';

/** OID of int8 (bigint): timestamps and counts, which stay far below 2^53. */
const INT8_OID = 20;

/** Settings of the pool the URL does not carry; each undefined one takes its default. */
export interface PostgresStoreOptions {
  poolSize?: number | undefined;
  statementTimeoutMs?: number | undefined;
  queryTimeoutMs?: number | undefined;
}

/** Opens a pool on the database at `url` (not yet migrated: call `migrate()`). */
export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): KyselyStore {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, 'text', Number);
  const statementTimeoutMs = options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    // A lock held elsewhere, or a transaction left open, cannot pin a connection for long; nor
    // can a server that stops answering (query_timeout) or vanishes without a FIN (keepalive).
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: statementTimeoutMs,
    query_timeout: options.queryTimeoutMs ?? statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_INITIAL_DELAY_MS,
    types,
  });
  // A connection the server drops (crash, restart, failover) emits 'error': on the pool while
  // idle, on the client itself while checked out (e.g. between two statements of a transaction).
  // Unhandled, either would end the process. The statement in flight fails on its own (and is
  // answered 503), and the pool discards a broken client when it comes back.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }),
  });
  return new KyselyStore(db, new PostgresStoreAdapter(pool));
}
