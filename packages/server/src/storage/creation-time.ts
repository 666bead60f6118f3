/**
 * Creation times from one clock every process shares, stamped in commit order.
 * @module
 */
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { CreationTable, StoreAdapter } from './store-adapter.js';

/** Where a new row's creation time must come after: its organization's rows, or all rows. */
export type CreationScope =
  | { table: Exclude<CreationTable, 'organizations'>; organizationId: string }
  | { table: 'organizations' };

/**
 * The creation time of a row about to be inserted in `trx`: the shared clock (the database's on
 * PostgreSQL, so an instance whose clock runs behind cannot stamp the past), and strictly after
 * every row of `scope`. Stamps are taken one transaction at a time under a lock held to commit,
 * so stamp order is commit order: a keyset pagination over (created_at, id) that has read a row
 * sees every row created after it, whichever instance created it.
 */
export async function stampCreationTime(
  trx: Transaction<Database>,
  adapter: StoreAdapter,
  scope: CreationScope,
): Promise<number> {
  await adapter.lockCreationOrder(trx, scope.table);
  // max() per organization is one seek down the (organization_id, created_at, id) index.
  const ofScope =
    scope.table === 'organizations' ? sql`` : sql`where organization_id = ${scope.organizationId}`;
  const { rows } = await sql<{ now: number; latest: number | null }>`
    select ${adapter.readSharedClock()} as now,
      (select max(created_at) from ${sql.table(scope.table)} ${ofScope}) as latest`.execute(trx);
  const { now, latest } = rows[0]!;
  // Strictly after, not equal: a row stamped in the same millisecond as a pagination's cursor
  // but with a smaller ID would sort before the cursor.
  return latest === null ? Number(now) : Math.max(Number(now), Number(latest) + 1);
}
