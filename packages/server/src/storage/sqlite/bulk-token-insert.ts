/**
 * Writing a range of seed tokens through multi-row prepared INSERT statements.
 * @module
 */
import type BetterSqlite3 from 'better-sqlite3';
import { tokenToRow } from '../rows/token-rows.js';
import type { TokenRow } from '../rows/token-rows.js';
import type { SeedPlan } from '../store.js';
import { SEED_ROWS_PER_STATEMENT } from './constants.js';

const TOKEN_COLUMNS: readonly (keyof TokenRow)[] = [
  'id',
  'organization_id',
  'user_id',
  'name',
  'scopes',
  'secret_hash',
  'created_at',
  'expires_at',
  'last_used_at',
  'last_used_address',
  'summary_json',
];

/**
 * Inserts tokens `from` to `to` (exclusive) of the plan. Rows go SEED_ROWS_PER_STATEMENT to a
 * statement: each statement run crosses from JS into SQLite once, which for ten parameters
 * costs about as much as the insert itself.
 */
export class BulkTokenInsert {
  readonly #statements = new Map<number, BetterSqlite3.Statement>();

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly plan: SeedPlan,
  ) {}

  write(from: number, to: number): void {
    let index = from;
    while (index < to) {
      const rows = Math.min(SEED_ROWS_PER_STATEMENT, to - index);
      const values = new Array<unknown>(rows * TOKEN_COLUMNS.length);
      let position = 0;
      for (let end = index + rows; index < end; index++) {
        const row = tokenToRow(this.plan.makeToken(index));
        for (const column of TOKEN_COLUMNS) values[position++] = row[column];
      }
      this.statementFor(rows).run(values);
    }
  }

  private statementFor(rows: number): BetterSqlite3.Statement {
    let statement = this.#statements.get(rows);
    if (statement === undefined) {
      const tuple = `(${TOKEN_COLUMNS.map(() => '?').join(', ')})`;
      statement = this.db.prepare(
        `insert into personal_access_tokens (${TOKEN_COLUMNS.join(', ')}) ` +
          `values ${Array.from({ length: rows }, () => tuple).join(', ')}`,
      );
      this.#statements.set(rows, statement);
    }
    return statement;
  }
}
