/**
 * Global setup of the vitest project on PostgreSQL: drops the databases its e2e servers
 * created (one per data directory), before the run (leftovers of an interrupted run) and after.
 * @module
 */
import {
  dropTestDatabases,
  testPostgresUrl,
} from '../../src/storage/postgres/test-support/test-databases.js';
import { E2E_DATABASE_PREFIX } from './mailpat-process.js';

export async function setup(): Promise<() => Promise<void>> {
  const serverUrl = testPostgresUrl();
  if (serverUrl === undefined)
    throw new Error('the postgresql project needs MAILPAT_TEST_POSTGRES_URL');
  await dropTestDatabases(serverUrl, E2E_DATABASE_PREFIX);
  return () => dropTestDatabases(serverUrl, E2E_DATABASE_PREFIX);
}
