/**
 * Preloaded into a test's `mailpat serve` (`node --import`): when a statement whose SQL contains
 * MAILPAT_TEST_PAUSE_AT is about to run, it writes MAILPAT_TEST_PAUSE_MARKER and stops the
 * process there (synchronously, for good), so the test can SIGKILL it in the middle of a
 * migration. Test support only: production code has no such hook.
 * @module
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pauseAt = process.env.MAILPAT_TEST_PAUSE_AT;
const marker = process.env.MAILPAT_TEST_PAUSE_MARKER;

function pauseIfDue(text) {
  if (pauseAt === undefined || marker === undefined || typeof text !== 'string') return;
  if (!text.includes(pauseAt)) return;
  writeFileSync(marker, text);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // until SIGKILL
}

const Database = require('better-sqlite3');
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (sql, ...rest) {
  pauseIfDue(sql);
  return prepare.call(this, sql, ...rest);
};

const pg = require('pg');
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  pauseIfDue(typeof config === 'string' ? config : config?.text);
  return query.call(this, config, ...rest);
};
