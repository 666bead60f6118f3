/**
 * A table's row count and SHA-256, computed the same way from SQLite rows and PostgreSQL rows.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';

/** What verification compares per table. */
export interface TableDigest {
  rows: number;
  sha256: string;
}

/**
 * One value in a form that does not depend on the driver that read it: SQLite hands integers
 * back as bigint (safe integers), PostgreSQL as number (int4) or bigint (int8, parsed so); 0/1
 * and booleans are the same integers; strings are JSON-quoted so no value can imitate another
 * or the separators.
 */
export function canonicalValue(value: unknown): string {
  if (value === null || value === undefined) return 'n';
  switch (typeof value) {
    case 'bigint':
      return `i${value}`;
    case 'number':
      return Number.isInteger(value) ? `i${value}` : `r${value}`;
    case 'boolean':
      return value ? 'i1' : 'i0';
    case 'string':
      return `s${JSON.stringify(value)}`;
  }
  if (value instanceof Uint8Array) return `b${Buffer.from(value).toString('hex')}`;
  throw new TypeError(`cannot compare a value of type ${Object.prototype.toString.call(value)}`);
}

/** Accumulates rows, given in primary-key order as arrays in one column order. */
export class TableChecksum {
  #hash: Hash = createHash('sha256');
  #rows = 0;

  /** Adds one row. */
  add(row: readonly unknown[]): void {
    this.#hash.update(`${row.map(canonicalValue).join(',')}\n`);
    this.#rows++;
  }

  /** The count and the hex digest of every row added. */
  digest(): TableDigest {
    return { rows: this.#rows, sha256: this.#hash.digest('hex') };
  }
}
