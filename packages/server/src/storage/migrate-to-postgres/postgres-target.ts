/**
 * The PostgreSQL database being filled: one connection, one transaction, plain SQL.
 * @module
 */
import pg from 'pg';
import type { ClientBase } from 'pg';
import { CONNECT_TIMEOUT_MS, MIGRATION_TABLES, ROWS_PER_FETCH } from './constants.js';
import { quoteIdentifier as quote } from './quote-identifier.js';
import { TableChecksum } from './table-checksum.js';
import type { TableDigest } from './table-checksum.js';
import type { TableSpec } from './target-catalog.js';

/** OIDs whose default parsing would change a value: int8 (to string), json and jsonb (parsed). */
const INT8_OID = 20;
const JSON_OIDS = [114, 3802];

/**
 * A connection on which int8 reads back as bigint (exact, as SQLite's safe integers) and JSON
 * as its text, so the checksum sees what is stored. No statement timeout: a million-row copy
 * is one long transaction by design.
 */
export async function connectTarget(url: string): Promise<pg.Client> {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, 'text', BigInt);
  for (const oid of JSON_OIDS) types.setTypeParser(oid, 'text', (text: string) => text);
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    types,
  });
  // A dropped connection also emits 'error'; the query in flight fails with it anyway.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** The first table of the current schema holding a row (migration bookkeeping aside). */
export async function findNonEmptyTable(client: ClientBase): Promise<string | undefined> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c
      where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
      order by c.relname`,
  );
  for (const { name } of rows) {
    if (MIGRATION_TABLES.has(name)) continue;
    const found = await client.query(`select 1 from ${quote(name)} limit 1`);
    if (found.rowCount !== 0) return name;
  }
  return undefined;
}

/**
 * Locks every table against writes until commit: an instance started on the target too early
 * waits (and then finds the copied root key), instead of writing rows the copy would collide with.
 */
export async function lockTables(client: ClientBase, tables: readonly TableSpec[]): Promise<void> {
  const names = tables.map((table) => quote(table.name)).join(', ');
  await client.query(`lock table ${names} in exclusive mode`);
}

/**
 * Inserts rows (arrays in `table.columns` order) as one JSON parameter, which
 * json_populate_recordset converts to the column types: integers travel as decimal strings
 * (exact beyond 2^53), bytes as `\x` hex, NULL as null. A json column would take the document's
 * text as a JSON string, so it is unwrapped (`#>> '{}'`) and cast: the stored text is the
 * source's, byte for byte. Identity values are kept as copied.
 */
export async function insertRows(
  client: ClientBase,
  table: TableSpec,
  rows: readonly unknown[][],
): Promise<void> {
  const objects = rows.map((row) =>
    Object.fromEntries(table.columns.map((column, i) => [column, toJsonValue(row[i])])),
  );
  const values = table.columns.map((column) => {
    const json = table.jsonColumns.get(column);
    return json === undefined ? quote(column) : `(${quote(column)} #>> '{}')::${json}`;
  });
  const overriding = table.identityColumns.length > 0 ? ' overriding system value' : '';
  await client.query(
    `insert into ${quote(table.name)} (${table.columns.map(quote).join(', ')})${overriding} ` +
      `select ${values.join(', ')} ` +
      `from json_populate_recordset(null::${quote(table.name)}, $1::json)`,
    [JSON.stringify(objects)],
  );
}

function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  return value;
}

/** Moves each identity sequence past the largest copied value, so new rows do not collide. */
export async function resetIdentities(client: ClientBase, table: TableSpec): Promise<void> {
  for (const column of table.identityColumns) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, $2), ` +
        `coalesce((select max(${quote(column)}) from ${quote(table.name)}), 0) + 1, false)`,
      [quote(table.name), column],
    );
  }
}

/** Reads `table` back in primary-key order (a cursor: bounded memory) and digests it. */
export async function digestTable(client: ClientBase, table: TableSpec): Promise<TableDigest> {
  const order = table.primaryKey
    .map((key) => (table.textKeys.has(key) ? `${quote(key)} collate "C"` : quote(key)))
    .join(', ');
  await client.query(
    `declare migrate_verify no scroll cursor for ` +
      `select ${table.columns.map(quote).join(', ')} from ${quote(table.name)} order by ${order}`,
  );
  const checksum = new TableChecksum();
  for (;;) {
    const { rows } = await client.query<unknown[]>({
      text: `fetch forward ${ROWS_PER_FETCH} from migrate_verify`,
      rowMode: 'array',
    });
    for (const row of rows) checksum.add(row);
    if (rows.length < ROWS_PER_FETCH) break;
  }
  await client.query('close migrate_verify');
  return checksum.digest();
}
