/** @module The bulk loader behind `mailpat seed` on PostgreSQL: multi-row INSERTs, one transaction. */
import type { PoolClient } from 'pg';
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
  try {
    await insertRows(client, 'organizations', [organizationToRow(plan.organization)]);
    if (plan.users.length > 0) await insertRows(client, 'users', plan.users.map(userToRow));
    for (let from = 0; from < plan.tokenCount; from += SEED_ROWS_PER_STATEMENT) {
      const to = Math.min(from + SEED_ROWS_PER_STATEMENT, plan.tokenCount);
      const rows = [];
      for (let index = from; index < to; index++) rows.push(tokenToRow(plan.makeToken(index)));
      await insertRows(client, 'personal_access_tokens', rows);
      plan.onProgress?.(to);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** One INSERT of rows that share the first row's columns (table and column names are ours). */
async function insertRows(
  client: SeedClient,
  table: string,
  rows: readonly object[],
): Promise<void> {
  const columns = Object.keys(rows[0]!);
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const record = row as Record<string, unknown>;
    const placeholders = columns.map((column) => {
      values.push(record[column]);
      return `$${values.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  await client.query(
    `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`,
    values,
  );
}
