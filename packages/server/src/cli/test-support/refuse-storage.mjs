/**
 * `node --import` this file to make the storage drivers (better-sqlite3, pg, Kysely) unloadable.
 * @module
 */
import { register } from 'node:module';

register('./refuse-modules-hooks.mjs', import.meta.url, {
  data: { refused: ['better-sqlite3', 'pg', 'kysely'] },
});
