/**
 * Module hooks for a child process: importing one of the refused packages fails, so a command
 * that runs to completion provably never loaded one. The list comes from register()'s data.
 * @module
 */
let refused = new Set();

/** Takes the refused specifiers (`{ refused: string[] }`) from register(). */
export function initialize(data) {
  refused = new Set(data.refused);
}

/** Refuses the listed packages, resolves everything else as usual. */
export async function resolve(specifier, context, nextResolve) {
  if (refused.has(specifier)) throw new Error(`refused to load ${specifier}`);
  return nextResolve(specifier, context);
}
