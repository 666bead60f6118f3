/**
 * The migrations, listed in code so bundling or a missing folder cannot lose one.
 * @module
 */
import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { initialMigration } from './0001-initial.js';
import { tokenEventsMigration } from './0002-token-events.js';
import { mailDomainsMigration } from './0003-mail-domains.js';
import { tokenEventTimeMigration } from './0004-token-event-time.js';
import { webSessionsMigration } from './0005-web-sessions.js';
import { tokenActivityMigration } from './0006-token-activity.js';
import { singleSignOnMigration } from './0007-single-sign-on.js';
import { expiryWarningsMigration } from './0008-expiry-warnings.js';

/** Every migration by name; Kysely runs them in name order, so names start with a version. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initialMigration,
  '0002-token-events': tokenEventsMigration,
  '0003-mail-domains': mailDomainsMigration,
  '0004-token-event-time': tokenEventTimeMigration,
  '0005-web-sessions': webSessionsMigration,
  '0006-token-activity': tokenActivityMigration,
  '0007-single-sign-on': singleSignOnMigration,
  '0008-expiry-warnings': expiryWarningsMigration,
};

/** A MigrationProvider over MIGRATIONS (Kysely's FileMigrationProvider would read the disk). */
export const inCodeMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};

/** Brings the schema to the latest version; a database that is already there is left alone. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({ db, provider: inCodeMigrationProvider });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw error;
  }
}
