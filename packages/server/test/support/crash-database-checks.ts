/**
 * Checks straight in the database of a crashed and restarted server that no write is half
 * done: no token without its user or its CREATED event, no event without its change,
 * no summary JSON that disagrees with its row.
 * @module
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { MailpatProcess } from './mailpat-process.js';

/** Each query names what it finds; any row it returns is a half-done write. */
const HALF_DONE_QUERIES: Record<string, string> = {
  'token of a deleted or missing user': `
    select t.id from personal_access_tokens t
    left join users u on u.organization_id = t.organization_id and u.id = t.user_id
    where u.id is null or u.state = 'DELETED'`,
  'token without its CREATED event': `
    select t.id from personal_access_tokens t where not exists (
      select 1 from token_events e where e.token_id = t.id and e.type = 'CREATED')`,
  'DELETED event of a token that exists': `
    select e.token_id as id from token_events e
    join personal_access_tokens t on t.id = e.token_id where e.type = 'DELETED'`,
  'event of a token never created': `
    select e.token_id as id from token_events e where not exists (
      select 1 from token_events c where c.token_id = e.token_id and c.type = 'CREATED')`,
  'token created or deleted twice': `
    select token_id as id from token_events where type in ('CREATED', 'DELETED')
    group by token_id, type having count(*) > 1`,
};

const SUMMARY_QUERY = 'select id, created_at, expires_at, summary_json from personal_access_tokens';

interface SummaryRow {
  id: string;
  created_at: number | string;
  expires_at: number | string;
  summary_json: string;
}

/** The half-done writes found in the database `server` runs on, one line each. */
export async function findHalfDoneWrites(server: MailpatProcess): Promise<string[]> {
  const run = server.databaseUrl === undefined ? querySqlite(server) : await queryPostgres(server);
  const problems: string[] = [];
  for (const [what, rows] of Object.entries(run.halfDone)) {
    for (const row of rows) problems.push(`${what}: ${row.id}`);
  }
  for (const row of run.summaries) {
    const summary = JSON.parse(row.summary_json) as { DateCreated: number; ExpiresTime: number };
    const matches =
      Math.round(summary.DateCreated * 1000) === Number(row.created_at) &&
      Math.round(summary.ExpiresTime * 1000) === Number(row.expires_at);
    if (!matches) problems.push(`summary JSON of ${row.id} disagrees with its row`);
  }
  return problems;
}

interface QueryResults {
  halfDone: Record<string, { id: string }[]>;
  summaries: SummaryRow[];
}

function querySqlite(server: MailpatProcess): QueryResults {
  const db = new BetterSqlite3(join(server.dataDir, 'mailpat.db'), { readonly: true });
  try {
    const halfDone = Object.fromEntries(
      Object.entries(HALF_DONE_QUERIES).map(([what, sql]) => [
        what,
        db.prepare(sql).all() as { id: string }[],
      ]),
    );
    return { halfDone, summaries: db.prepare(SUMMARY_QUERY).all() as SummaryRow[] };
  } finally {
    db.close();
  }
}

async function queryPostgres(server: MailpatProcess): Promise<QueryResults> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    // One snapshot for every query, as SQLite's single read gives.
    await client.query('begin isolation level repeatable read read only');
    const halfDone: QueryResults['halfDone'] = {};
    for (const [what, sql] of Object.entries(HALF_DONE_QUERIES)) {
      halfDone[what] = (await client.query<{ id: string }>(sql)).rows;
    }
    const summaries = (await client.query<SummaryRow>(SUMMARY_QUERY)).rows;
    await client.query('commit');
    return { halfDone, summaries };
  } finally {
    await client.end();
  }
}
