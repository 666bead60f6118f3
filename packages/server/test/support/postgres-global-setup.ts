/**
 * Global setup of the vitest project on PostgreSQL: gives this run its own database prefix and
 * drops the databases its e2e servers created (one per data directory) when the run ends. Only
 * this run's: another run on the same server (a second checkout, CI beside a developer) keeps
 * its databases while they are in use.
 * @module
 */
import type { TestProject } from 'vitest/node';
import {
  dropTestDatabases,
  testPostgresUrl,
} from '../../src/storage/postgres/test-support/test-databases.js';
import { E2E_DATABASE_PREFIX } from './mailpat-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The prefix of the e2e databases of this run (see e2eDatabasePrefix). */
    e2eDatabasePrefix: string;
  }
}

export function setup(project: TestProject): () => Promise<void> {
  const serverUrl = testPostgresUrl();
  if (serverUrl === undefined)
    throw new Error('the postgresql project needs MAILPAT_TEST_POSTGRES_URL');
  // The main vitest process's pid is unique among the runs alive on this machine.
  const prefix = `${E2E_DATABASE_PREFIX}${process.pid}_`;
  project.provide('e2eDatabasePrefix', prefix);
  return () => dropTestDatabases(serverUrl, prefix);
}
