import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFastRows } from './fast-row-statement.js';

describe('withFastRows', () => {
  let db: BetterSqlite3.Database;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    db.exec(`create table t (id text, n integer, "odd ""name""" text)`);
    db.prepare('insert into t values (?, ?, ?), (?, ?, ?)').run(['a', 1, null, 'b', 2, 'x']);
  });
  afterEach(() => db.close());

  it('should return the same row objects better-sqlite3 would', () => {
    const sql = 'select * from t order by id';
    const fast = withFastRows(db.prepare(sql));
    expect(fast.all([])).toEqual(db.prepare(sql).all());
    expect(fast.all([])).toEqual([
      { id: 'a', n: 1, 'odd "name"': null },
      { id: 'b', n: 2, 'odd "name"': 'x' },
    ]);
  });

  it('should build rows for iterate and run writes unchanged', () => {
    const insert = withFastRows(db.prepare('insert into t (id, n) values (?, ?)'));
    expect(insert.run(['c', 3]).changes).toBe(1);
    const select = withFastRows(db.prepare('select id, n from t where n > ? order by n'));
    expect([...select.iterate([1])]).toEqual([
      { id: 'b', n: 2 },
      { id: 'c', n: 3 },
    ]);
  });

  it('should follow a column added after the statement was prepared', () => {
    const select = withFastRows(db.prepare('select * from t where id = ?'));
    expect(select.all(['a'])).toEqual([{ id: 'a', n: 1, 'odd "name"': null }]);
    db.exec(`alter table t add column extra text default 'e'`);
    expect(select.all(['a'])).toEqual([{ id: 'a', n: 1, 'odd "name"': null, extra: 'e' }]);
  });
});
