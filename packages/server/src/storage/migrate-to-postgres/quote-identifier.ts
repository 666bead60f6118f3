/**
 * SQL identifiers in double quotes, as both SQLite and PostgreSQL read them.
 * @module
 */

/** `name` quoted; migrate's table and column names come from the databases' own catalogs. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
