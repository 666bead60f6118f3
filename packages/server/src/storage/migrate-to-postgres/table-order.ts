/**
 * The order to fill tables in so every foreign key finds its parent row already there.
 * @module
 */

/** A foreign key between two tables, by name. */
export interface ForeignKeyEdge {
  child: string;
  parent: string;
}

/**
 * `tables` sorted parents first (stable: otherwise by name). A cycle cannot be filled row by row
 * with immediate constraints, so it is an error naming the tables involved.
 */
export function orderByForeignKeys(
  tables: readonly string[],
  edges: readonly ForeignKeyEdge[],
): string[] {
  const pending = new Set([...tables].sort());
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(
      (table) =>
        !edges.some((e) => e.child === table && e.parent !== table && pending.has(e.parent)),
    );
    if (ready.length === 0) {
      throw new Error(`the foreign keys of ${[...pending].join(', ')} form a cycle`);
    }
    for (const table of ready) {
      ordered.push(table);
      pending.delete(table);
    }
  }
  return ordered;
}
