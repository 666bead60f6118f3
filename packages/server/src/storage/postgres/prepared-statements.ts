/**
 * Server-side prepared statements for the queries mailpat repeats: a pool wrapper that
 * gives Kysely's PostgreSQL driver named statements instead of unnamed ones.
 *
 * pg runs a query with parameters as an unnamed statement, which PostgreSQL parses and plans on
 * every execution; a named one is parsed once per connection and its plan reused. Kysely has no
 * option for names, so the wrapper adds them: the name is a digest of the SQL text, so equal
 * texts share one statement and a name never stands for two texts.
 * @module
 */
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type { Pool, PoolClient } from 'pg';

/** Data manipulation only: a prepared DDL or transaction statement would gain nothing. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * Distinct statements named per process, hence at most per connection. The hot queries are a
 * handful; the bound keeps statements whose text varies (bulk inserts) from piling up on the
 * server, where each connection keeps its own copy of every name.
 */
const MAX_NAMED_STATEMENTS = 200;

/** pg's message when query_timeout passes without an answer; it carries no code. */
export const QUERY_READ_TIMEOUT = 'Query read timeout';

const names = new Map<string, string | null>();

/** The statement name for `text`, or undefined to run it unnamed. */
export function statementNameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined) {
    name =
      PREPARABLE.test(text) && names.size < MAX_NAMED_STATEMENTS
        ? `mailpat_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`
        : null;
    // Remembered either way, so a text refused once is not tested again.
    if (name !== null || names.size < MAX_NAMED_STATEMENTS * 4) names.set(text, name);
  }
  return name ?? undefined;
}

/** `pool` as Kysely's PostgresDialect wants it, with repeated queries prepared. */
export function withPreparedStatements(pool: Pool): PostgresPool {
  return {
    connect: async () => preparing(await pool.connect()),
    end: () => pool.end(),
  };
}

function preparing(client: PoolClient): PostgresPoolClient {
  // After pg's query_timeout the statement may still be running on the server (or the server
  // may be hung), and the connection's protocol state is unknown: it must not serve again.
  let timedOut = false;
  const run = (text: string, values: readonly unknown[]) => {
    const name = values.length > 0 ? statementNameOf(text) : undefined;
    return name === undefined
      ? client.query(text, [...values])
      : client.query({ name, text, values: [...values] });
  };
  return {
    query: (async (text: string, values: readonly unknown[]) => {
      try {
        return await run(text, values);
      } catch (error) {
        if (error instanceof Error && error.message === QUERY_READ_TIMEOUT) timedOut = true;
        throw error;
      }
    }) as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy === true || timedOut),
  };
}
