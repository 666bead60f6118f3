/**
 * A mail domain belongs to one live organization and an email address to one live user of the
 * installation, held by the database so that two instances writing at once cannot both win.
 *
 * @module
 */
import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { MigrationRefusedError } from '../storage-errors.js';
import { findSharedAddresses, liveOrganizationDomains } from './find-shared-addresses.js';
import type { SharedAddresses } from './find-shared-addresses.js';
import { keyText } from './migration-dialect.js';

/**
 * Creates `mail_domains` from the live organizations and makes `users_email` installation-wide.
 *
 * A database may already hold a domain two organizations list, or an address two users hold
 * (the issue this fixes: the second one's tokens log in to the first one's mailbox). Picking a
 * winner would take a domain or an address from someone, so the migration refuses instead,
 * before changing anything, and names each one; the operator resolves them with the previous
 * version (or by hand) and starts again.
 */
export const mailDomainsMigration: Migration = {
  // The migrator runs it in a transaction on both backends: a refusal leaves nothing applied.
  up: migrate,
};

async function migrate(db: Kysely<unknown>): Promise<void> {
  const shared = await findSharedAddresses(db);
  if (shared.domains.length > 0 || shared.emails.length > 0) {
    throw new MigrationRefusedError(refusalMessage(shared));
  }
  await db.schema
    .createTable('mail_domains')
    .addColumn('domain_lower', 'text', (c) => c.notNull())
    .addColumn('organization_id', keyText(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_domains_pkey', ['domain_lower'])
    .addForeignKeyConstraint('mail_domains_organization_fk', ['organization_id'], 'organizations', [
      'id',
    ])
    .execute();
  // deleteOrganization removes an organization's domains by its ID.
  await db.schema
    .createIndex('mail_domains_organization')
    .on('mail_domains')
    .column('organization_id')
    .execute();
  for (const row of await liveOrganizationDomains(db)) {
    await sql`insert into mail_domains (domain_lower, organization_id)
      values (${row.domain_lower}, ${row.organization_id})`.execute(db);
  }
  await db.schema.dropIndex('users_email').execute();
  await db.schema
    .createIndex('users_email')
    .on('users')
    .column('email_lower')
    .unique()
    .where(sql.ref('state'), '<>', 'DELETED')
    .execute();
}

function refusalMessage({ domains, emails }: SharedAddresses): string {
  const lines = [
    'mailpat cannot upgrade this database (migration 0003-mail-domains): a mail domain must ' +
      'belong to one organization and an email address to one user, and here some are shared. ' +
      'Nothing was changed.',
    ...domains.map((d) => `  mail domain ${d.value}: organizations ${d.holders.join(', ')}`),
    ...emails.map((e) => `  email address ${e.value}: users ${e.holders.join(', ')}`),
    'With the previous mailpat version, keep one holder of each: DeleteOrganization the ' +
      'others (that frees their domains and addresses), or DeregisterFromWorkMail and ' +
      'DeleteUser a user to free its address; or correct the rows by hand. Then start this ' +
      'version again.',
  ];
  return lines.join('\n');
}
