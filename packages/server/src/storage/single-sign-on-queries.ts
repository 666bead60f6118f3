/**
 * The queries behind single sign-on: each organization's OpenID Connect provider and the
 * single-use login states. KyselyStore delegates to these.
 * @module
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { OidcLoginStateRecord, OidcProviderRecord } from '../domain/records.js';
import {
  oidcLoginStateFromRow,
  oidcLoginStateToRow,
  oidcProviderFromRow,
  oidcProviderToRow,
} from './rows/oidc-rows.js';
import type { Database } from './schema.js';

/** Inserts the provider, or replaces every column of the organization's current one. */
export async function putOidcProvider(
  db: Kysely<Database>,
  provider: OidcProviderRecord,
): Promise<void> {
  const row = oidcProviderToRow(provider);
  const { organization_id: _key, ...columns } = row;
  await db
    .insertInto('oidc_providers')
    .values(row)
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(columns))
    .execute();
}

export async function getOidcProvider(
  db: Kysely<Database>,
  organizationId: string,
): Promise<OidcProviderRecord | undefined> {
  const row = await db
    .selectFrom('oidc_providers')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row && oidcProviderFromRow(row);
}

/** Providers of live organizations, by name then organization ID. */
export async function listOidcProviders(db: Kysely<Database>): Promise<OidcProviderRecord[]> {
  const rows = await db
    .selectFrom('oidc_providers as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .selectAll('p')
    .where('o.state', '=', sql.lit('Active'))
    .orderBy('p.provider_name')
    .orderBy('p.organization_id')
    .execute();
  return rows.map(oidcProviderFromRow);
}

export async function deleteOidcProvider(
  db: Kysely<Database>,
  organizationId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('oidc_providers')
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function insertOidcLoginState(
  db: Kysely<Database>,
  state: OidcLoginStateRecord,
): Promise<void> {
  await db.insertInto('oidc_login_states').values(oidcLoginStateToRow(state)).execute();
}

/** One statement deletes and returns the row, so two callbacks racing with one state get it once. */
export async function takeOidcLoginState(
  db: Kysely<Database>,
  state: string,
): Promise<OidcLoginStateRecord | undefined> {
  const row = await db
    .deleteFrom('oidc_login_states')
    .where('state', '=', state)
    .returningAll()
    .executeTakeFirst();
  return row && oidcLoginStateFromRow(row);
}

/** Deletes at most `limit` states created before `before`, oldest first. */
export async function deleteOidcLoginStatesBefore(
  db: Kysely<Database>,
  before: number,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('oidc_login_states')
    .where('state', 'in', (eb) =>
      eb
        .selectFrom('oidc_login_states')
        .select('state')
        .where('created_at', '<', before)
        .orderBy('created_at')
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
