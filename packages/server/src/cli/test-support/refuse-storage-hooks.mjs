/**
 * Module hooks for a child process: importing a storage driver (better-sqlite3, pg, Kysely)
 * fails, so a command that runs to completion provably never loaded one.
 * @module
 */
const REFUSED = new Set(['better-sqlite3', 'pg', 'kysely']);

/** Refuses the storage drivers, resolves everything else as usual. */
export async function resolve(specifier, context, nextResolve) {
  if (REFUSED.has(specifier)) throw new Error(`refused to load ${specifier}`);
  return nextResolve(specifier, context);
}
