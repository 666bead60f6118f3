/**
 * The bulk loader behind `mailpat seed`: raw prepared statements, big transactions.
 * @module
 */
import type BetterSqlite3 from 'better-sqlite3';
import { mailDomainRows } from '../rows/mail-domain-rows.js';
import { organizationToRow } from '../rows/organization-rows.js';
import { userToRow } from '../rows/user-rows.js';
import type { SeedPlan } from '../store.js';
import { BulkTokenInsert } from './bulk-token-insert.js';
import { SEED_BATCH_SIZE, SEED_CACHE_SIZE_KIB } from './constants.js';

/**
 * Writes the plan's organization, users and tokens, tokens in batches of `batchSize`, each in
 * its own transaction. Into an empty token table the load is one transaction instead, which
 * drops the token indexes first and rebuilds them at the end (see seedIntoEmptyTable).
 */
export async function seedSqlite(
  db: BetterSqlite3.Database,
  plan: SeedPlan,
  batchSize = SEED_BATCH_SIZE,
): Promise<void> {
  const previousCacheSize = db.pragma('cache_size', { simple: true }) as number;
  // Index pages filled in random order (token ID, secret hash) must stay in memory; with the
  // default 2 MiB cache nearly every insert would read one back.
  db.pragma(`cache_size = -${SEED_CACHE_SIZE_KIB}`);
  // Through the WAL every page of a bulk load is written twice (WAL, then checkpoint); with a
  // rollback journal, pages new to the file are written once. Leaving WAL needs the file to
  // ourselves: when a server has it open, the load simply stays in WAL mode.
  const leftWal = tryJournalMode(db, 'delete');
  try {
    if (tokenTableIsEmpty(db)) {
      await seedIntoEmptyTable(db, plan, batchSize);
    } else {
      await writePlan(db, plan, batchSize, (write) => db.transaction(write)());
    }
  } finally {
    if (leftWal) tryJournalMode(db, 'wal');
    // Whatever went through the WAL is folded into the database, and the space given back.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma(`cache_size = ${previousCacheSize}`);
  }
}

/**
 * Building an index once from sorted rows is far cheaper than a million random inserts into
 * it (measured: 1M tokens in 17 s instead of 40 s). One transaction around drop, load and
 * rebuild means a crash rolls back to the empty table with its indexes, never to a table
 * without its unique index on the secret hash. Its batches are plain statements in it, not
 * savepoints: SQLite copies every page a savepoint changes that existed before it into a
 * sub-journal (with statement journals, a third of the inserts' time in a profile).
 */
async function seedIntoEmptyTable(
  db: BetterSqlite3.Database,
  plan: SeedPlan,
  batchSize: number,
): Promise<void> {
  // Checking each token's user costs SQLite a lookup per row, about 0.8 µs of a 4 µs insert
  // (measured); BulkTokenInsert checks the plan's references instead. The pragma takes effect
  // only outside a transaction.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  db.exec('begin immediate');
  try {
    const indexes = db
      .prepare(
        "select name, sql from sqlite_master where type = 'index' " +
          "and tbl_name = 'personal_access_tokens' and sql is not null",
      )
      .all() as { name: string; sql: string }[];
    for (const { name } of indexes) db.exec(`drop index "${name}"`);
    await writePlan(db, plan, batchSize, (write) => write());
    for (const { sql } of indexes) db.exec(sql);
    db.exec('commit');
  } catch (error) {
    if (db.inTransaction) db.exec('rollback');
    throw error;
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys}`);
  }
}

/** Runs one batch of writes, in a transaction of its own or in the caller's. */
type RunBatch = (write: () => void) => void;

async function writePlan(
  db: BetterSqlite3.Database,
  plan: SeedPlan,
  batchSize: number,
  runBatch: RunBatch,
): Promise<void> {
  const tokens = new BulkTokenInsert(db, plan);
  runBatch(() => {
    insertRow(db, 'organizations', organizationToRow(plan.organization));
    for (const row of mailDomainRows(plan.organization)) insertRow(db, 'mail_domains', row);
    for (const user of plan.users) insertRow(db, 'users', userToRow(user));
  });
  for (let from = 0; from < plan.tokenCount; from += batchSize) {
    const to = Math.min(from + batchSize, plan.tokenCount);
    runBatch(() => tokens.write(from, to));
    plan.onProgress?.(to);
    // Let timers (a progress bar, health checks) run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Switches the journal mode; false when SQLite refuses (another connection has the file). */
function tryJournalMode(db: BetterSqlite3.Database, mode: 'delete' | 'wal'): boolean {
  try {
    return db.pragma(`journal_mode = ${mode}`, { simple: true }) === mode;
  } catch {
    return false;
  }
}

function tokenTableIsEmpty(db: BetterSqlite3.Database): boolean {
  return db.prepare('select 1 from personal_access_tokens limit 1').get() === undefined;
}

function insertRow(db: BetterSqlite3.Database, table: string, row: object): void {
  const columns = Object.keys(row);
  const placeholders = columns.map(() => '?').join(', ');
  db.prepare(`insert into ${table} (${columns.join(', ')}) values (${placeholders})`).run(
    Object.values(row),
  );
}
