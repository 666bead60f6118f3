/**
 * Single sign-on with OpenID Connect: one provider per organization and the pending
 * authorizations (login states) between the redirect to the provider and its callback.
 * @module
 */
import type { Kysely, Migration } from 'kysely';
import { keyText } from './migration-dialect.js';

/**
 * provider_name is a key text: the sign-in page lists providers by name, in one order on every
 * backend. Login states live about ten minutes and are taken once; the index on created_at lets the
 * pruning delete old ones in small batches instead of scanning the table.
 */
export const singleSignOnMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('oidc_providers')
      .addColumn('organization_id', keyText(db), (c) => c.notNull())
      .addColumn('provider_name', keyText(db), (c) => c.notNull())
      .addColumn('issuer_url', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('client_secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('oidc_providers_pkey', ['organization_id'])
      .addForeignKeyConstraint(
        'oidc_providers_organization_fk',
        ['organization_id'],
        'organizations',
        ['id'],
      )
      .execute();
    await db.schema
      .createTable('oidc_login_states')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('organization_id', keyText(db), (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('oidc_login_states_pkey', ['state'])
      .addForeignKeyConstraint(
        'oidc_login_states_organization_fk',
        ['organization_id'],
        'organizations',
        ['id'],
      )
      .execute();
    await db.schema
      .createIndex('oidc_login_states_by_time')
      .on('oidc_login_states')
      .column('created_at')
      .execute();
    // deleteOrganization removes an organization's states by this column.
    await db.schema
      .createIndex('oidc_login_states_by_organization')
      .on('oidc_login_states')
      .column('organization_id')
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('oidc_login_states').execute();
    await db.schema.dropTable('oidc_providers').execute();
  },
};
