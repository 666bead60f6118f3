/**
 * The first schema, in Kysely's schema builder only so PostgreSQL can run it too.
 * @module
 */
import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { keyText } from './migration-dialect.js';

/** Creates every table, the named unique indexes and the keyset listing indexes. */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createOrganizations(db);
    await createUsers(db);
    await createTokens(db);
    await createSettings(db);
    await createAccessKeys(db);
  },
};

async function createOrganizations(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', keyText(db), (c) => c.notNull())
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('alias_lower', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('default_mail_domain', 'text', (c) => c.notNull())
    .addColumn('domains', 'text', (c) => c.notNull())
    .addColumn('directory_id', 'text')
    .addColumn('interoperability_enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addColumn('pat_status', 'text')
    .addColumn('pat_lifetime_in_days', 'integer')
    .addColumn('idc_authentication_mode', 'text')
    .addColumn('idc_instance_arn', 'text')
    .addColumn('idc_application_arn', 'text')
    .addPrimaryKeyConstraint('organizations_pkey', ['id'])
    .execute();
  // Deleted organizations stay as tombstones; only live ones claim their alias.
  await db.schema
    .createIndex('organizations_alias')
    .on('organizations')
    .column('alias_lower')
    .unique()
    .where(sql.ref('state'), '<>', 'Deleted')
    .execute();
  await db.schema
    .createIndex('organizations_keyset')
    .on('organizations')
    .columns(['created_at', 'id'])
    .execute();
}

async function createUsers(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', keyText(db), (c) => c.notNull())
    .addColumn('organization_id', keyText(db), (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('email_lower', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('hidden_from_global_address_list', 'integer', (c) => c.notNull())
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('identity_provider_user_id', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('enabled_at', 'bigint')
    .addColumn('disabled_at', 'bigint')
    .addColumn('deleted_at', 'bigint')
    .addPrimaryKeyConstraint('users_pkey', ['id'])
    // The parent key of the tokens' (organization_id, user_id) foreign key.
    .addUniqueConstraint('users_organization_user', ['organization_id', 'id'])
    .addForeignKeyConstraint('users_organization_fk', ['organization_id'], 'organizations', ['id'])
    .execute();
  // DELETED users keep their row; a new user may take the name or email again.
  await db.schema
    .createIndex('users_name')
    .on('users')
    .columns(['organization_id', 'name_lower'])
    .unique()
    .where(sql.ref('state'), '<>', 'DELETED')
    .execute();
  await db.schema
    .createIndex('users_email')
    .on('users')
    .columns(['organization_id', 'email_lower'])
    .unique()
    .where(sql.ref('state'), '<>', 'DELETED')
    .execute();
  // findUser also resolves DELETED users, which the partial indexes above do not cover.
  await db.schema
    .createIndex('users_name_lookup')
    .on('users')
    .columns(['organization_id', 'name_lower'])
    .execute();
  await db.schema
    .createIndex('users_email_lookup')
    .on('users')
    .columns(['organization_id', 'email_lower'])
    .execute();
  await db.schema
    .createIndex('users_keyset')
    .on('users')
    .columns(['organization_id', 'created_at', 'id'])
    .execute();
}

async function createTokens(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('personal_access_tokens')
    .addColumn('id', keyText(db), (c) => c.notNull())
    .addColumn('organization_id', keyText(db), (c) => c.notNull())
    .addColumn('user_id', keyText(db), (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('summary_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('personal_access_tokens_pkey', ['id'])
    // Through (organization_id, id) so a token's user is always of the token's organization.
    .addForeignKeyConstraint(
      'personal_access_tokens_user_fk',
      ['organization_id', 'user_id'],
      'users',
      ['organization_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('tokens_secret_hash')
    .on('personal_access_tokens')
    .column('secret_hash')
    .unique()
    .execute();
  await db.schema
    .createIndex('tokens_keyset')
    .on('personal_access_tokens')
    .columns(['organization_id', 'created_at', 'id'])
    .execute();
  // Also serves the foreign key check when users are removed with their organization.
  await db.schema
    .createIndex('tokens_user_keyset')
    .on('personal_access_tokens')
    .columns(['organization_id', 'user_id', 'created_at', 'id'])
    .execute();
}

async function createSettings(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('settings_pkey', ['key'])
    .execute();
}

async function createAccessKeys(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('access_keys')
    .addColumn('access_key_id', keyText(db), (c) => c.notNull())
    .addColumn('secret_access_key', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_keys_pkey', ['access_key_id'])
    .execute();
  await db.schema
    .createIndex('access_keys_created')
    .on('access_keys')
    .columns(['created_at', 'access_key_id'])
    .execute();
}
