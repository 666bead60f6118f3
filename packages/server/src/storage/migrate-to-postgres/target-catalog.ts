/**
 * What the migrated PostgreSQL target says about its tables: columns, keys, identities and the
 * order foreign keys impose. The target's schema is the reference the source must match.
 * @module
 */
import type { ClientBase } from 'pg';
import { MIGRATION_TABLES } from './constants.js';
import { orderByForeignKeys } from './table-order.js';

/** One table as the copy needs it. */
export interface TableSpec {
  name: string;
  /** Every stored column the copy writes (generated columns are left to PostgreSQL). */
  columns: string[];
  /** The primary key's columns, in key order: rows are copied and checked in this order. */
  primaryKey: string[];
  /** Primary-key columns of a text type, sorted `collate "C"` to match SQLite's byte order. */
  textKeys: Set<string>;
  /** Identity columns, whose sequences must continue after the copied values. */
  identityColumns: string[];
  /** json and jsonb columns by type: SQLite keeps their documents as text. */
  jsonColumns: Map<string, string>;
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  is_identity: string;
  is_generated: string;
}

/** The tables of the current schema, mailpat's migration bookkeeping aside, parents first. */
export async function readTargetCatalog(client: ClientBase): Promise<TableSpec[]> {
  const { rows: columns } = await client.query<ColumnRow>(
    `select table_name, column_name, data_type, is_identity, is_generated
       from information_schema.columns
      where table_schema = current_schema()
      order by table_name, ordinal_position`,
  );
  const keys = await primaryKeys(client);
  const specs = new Map<string, TableSpec>();
  for (const column of columns) {
    if (MIGRATION_TABLES.has(column.table_name)) continue;
    const spec = specs.get(column.table_name) ?? newSpec(column.table_name, keys);
    specs.set(spec.name, spec);
    if (column.is_generated === 'ALWAYS') continue;
    spec.columns.push(column.column_name);
    if (column.is_identity === 'YES') spec.identityColumns.push(column.column_name);
    if (/^(text|character)/.test(column.data_type)) spec.textKeys.add(column.column_name);
    if (/^jsonb?$/.test(column.data_type))
      spec.jsonColumns.set(column.column_name, column.data_type);
  }
  for (const spec of specs.values()) {
    spec.textKeys = new Set(spec.primaryKey.filter((key) => spec.textKeys.has(key)));
  }
  const order = orderByForeignKeys([...specs.keys()], await foreignKeys(client));
  return order.map((name) => specs.get(name)!);
}

function newSpec(name: string, keys: Map<string, string[]>): TableSpec {
  const primaryKey = keys.get(name);
  if (primaryKey === undefined) throw new Error(`table ${name} has no primary key`);
  return {
    name,
    columns: [],
    primaryKey,
    textKeys: new Set(),
    identityColumns: [],
    jsonColumns: new Map(),
  };
}

async function primaryKeys(client: ClientBase): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `select c.relname as table_name, a.attname as column_name
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_attribute a on a.attrelid = c.oid
       cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
      where i.indisprimary and c.relnamespace = current_schema()::regnamespace
        and a.attnum = k.attnum
      order by c.relname, k.position`,
  );
  const keys = new Map<string, string[]>();
  for (const row of rows)
    keys.set(row.table_name, [...(keys.get(row.table_name) ?? []), row.column_name]);
  return keys;
}

async function foreignKeys(client: ClientBase) {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `select child.relname as child, parent.relname as parent
       from pg_constraint f
       join pg_class child on child.oid = f.conrelid
       join pg_class parent on parent.oid = f.confrelid
      where f.contype = 'f' and f.connamespace = current_schema()::regnamespace`,
  );
  return rows;
}
