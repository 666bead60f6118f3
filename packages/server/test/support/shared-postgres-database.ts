/**
 * A fresh database on the test PostgreSQL server for several `mailpat serve` instances to share.
 * @module
 */
import { randomBytes } from 'node:crypto';
import {
  createTestDatabase,
  testPostgresUrl,
} from '../../src/storage/postgres/test-support/test-databases.js';
import { e2eDatabasePrefix } from './mailpat-process.js';

/** Root credentials every instance is started with, so that any of them accepts a signed call. */
export interface SharedRootCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Creates an empty database named after `label` (this run's e2e prefix, so the suite's cleanup
 * drops it) and a random root key pair for the instances to share.
 */
export async function createSharedDatabase(
  label: string,
): Promise<{ databaseUrl: string; credentials: SharedRootCredentials }> {
  const serverUrl = testPostgresUrl();
  if (serverUrl === undefined) throw new Error('needs MAILPAT_TEST_POSTGRES_URL');
  const name = `${e2eDatabasePrefix()}${label}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await createTestDatabase(serverUrl, { name });
  const credentials = {
    accessKeyId: `AKIATEST${randomBytes(6).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  };
  return { databaseUrl, credentials };
}
