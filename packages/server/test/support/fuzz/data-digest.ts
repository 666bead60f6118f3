/**
 * A digest of everything a server stored, read straight from its database (read-only SQLite, or a
 * PostgreSQL connection): a request that changed any row in any table changes the digest.
 * @module
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/** Reads the digest; `close` releases the connection. */
export interface DataDigest {
  read(): Promise<string>;
  close(): Promise<void>;
}

/** A digest of the server's database: PostgreSQL at `databaseUrl`, else `<dataDir>/mailpat.db`. */
export async function openDataDigest(server: {
  dataDir: string;
  databaseUrl: string | undefined;
}): Promise<DataDigest> {
  return server.databaseUrl === undefined
    ? openSqliteDigest(join(server.dataDir, 'mailpat.db'))
    : openPostgresDigest(server.databaseUrl);
}

function digestOf(tables: [string, unknown[]][]): string {
  const hash = createHash('sha256');
  for (const [name, rows] of tables) {
    // Rows in a canonical order whatever order the database returns them in.
    const lines = rows
      .map((row) =>
        JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
      )
      .sort();
    hash.update(`${name}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

function openSqliteDigest(file: string): DataDigest {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const names = () =>
    (
      db.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
        name: string;
      }[]
    ).map((row) => row.name);
  // data_version changes exactly when another connection committed: the full read is skipped
  // while nothing was written (https://www.sqlite.org/pragma.html#pragma_data_version).
  let version: unknown;
  let digest = '';
  return {
    read: async () => {
      const current = db.pragma('data_version', { simple: true });
      if (current !== version) {
        digest = digestOf(
          names().map((name) => [name, db.prepare(`select * from "${name}"`).all()]),
        );
        version = current;
      }
      return digest;
    },
    close: async () => void db.close(),
  };
}

async function openPostgresDigest(url: string): Promise<DataDigest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    read: async () => {
      const { rows } = await client.query<{ table_name: string }>(
        'select table_name from information_schema.tables where table_schema = current_schema() order by table_name',
      );
      const tables: [string, unknown[]][] = [];
      for (const { table_name: name } of rows) {
        tables.push([name, (await client.query(`select * from "${name}"`)).rows]);
      }
      return digestOf(tables);
    },
    close: () => client.end(),
  };
}
