/**
 * The bulk loader behind `mailpat seed` on PostgreSQL: batched INSERTs, one transaction.
 * @module
 */
import type { PoolClient } from 'pg';
import { mailDomainRows } from '../rows/mail-domain-rows.js';
import { organizationToRow } from '../rows/organization-rows.js';
import { tokenToRow } from '../rows/token-rows.js';
import { userToRow } from '../rows/user-rows.js';
import type { SeedPlan } from '../store.js';
import { SEED_ROWS_PER_STATEMENT } from './constants.js';

/** The part of a pg client seed uses (structural, so tests may pass any client). */
export type SeedClient = Pick<PoolClient, 'query'>;

/**
 * Writes the plan's organization, users and tokens in one transaction: a generator that fails
 * halfway leaves nothing behind, and PostgreSQL handles a million-row transaction well.
 */
export async function seedPostgres(client: SeedClient, plan: SeedPlan): Promise<void> {
  await client.query('begin');
  // While PostgreSQL inserts one batch, the next one is generated (hashing, JSON): the two
  // sides work in parallel. A failed insert surfaces at its await.
  let inFlight: Promise<void> = Promise.resolve();
  try {
    await insertRows(client, 'organizations', [organizationToRow(plan.organization)]);
    await insertRows(client, 'mail_domains', mailDomainRows(plan.organization));
    if (plan.users.length > 0) await insertRows(client, 'users', plan.users.map(userToRow));
    for (let from = 0; from < plan.tokenCount; from += SEED_ROWS_PER_STATEMENT) {
      const to = Math.min(from + SEED_ROWS_PER_STATEMENT, plan.tokenCount);
      const rows = [];
      for (let index = from; index < to; index++) rows.push(tokenToRow(plan.makeToken(index)));
      await inFlight;
      plan.onProgress?.(from);
      inFlight = insertRows(client, 'personal_access_tokens', rows);
    }
    await inFlight;
    plan.onProgress?.(plan.tokenCount);
    await client.query('commit');
  } catch (error) {
    await inFlight.catch(() => undefined);
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/**
 * One INSERT of many rows as a single JSON parameter: json_populate_recordset converts each value
 * to its column's type, so one short statement carries a thousand rows (a VALUES list would take
 * ten thousand parameters to bind and plan). Table and column names are ours.
 */
async function insertRows(
  client: SeedClient,
  table: string,
  rows: readonly object[],
): Promise<void> {
  const columns = Object.keys(rows[0]!).join(', ');
  await client.query(
    `insert into ${table} (${columns}) ` +
      `select ${columns} from json_populate_recordset(null::${table}, $1::json)`,
    [JSON.stringify(rows)],
  );
}
