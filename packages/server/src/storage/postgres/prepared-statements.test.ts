import { describe, expect, it } from 'vitest';
import { statementNameOf } from './prepared-statements.js';

describe('statementNameOf', () => {
  it('should give one text one name, and different texts different names', () => {
    const page = 'select id from personal_access_tokens where organization_id = $1';
    const other = 'select id from users where organization_id = $1';
    expect(statementNameOf(page)).toMatch(/^mailpat_[0-9a-f]{24}$/);
    expect(statementNameOf(page)).toBe(statementNameOf(page));
    expect(statementNameOf(other)).not.toBe(statementNameOf(page));
  });

  it.each(['begin', 'create table t (id text)', 'set statement_timeout = 0'])(
    'should leave %s unnamed',
    (text) => {
      expect(statementNameOf(text)).toBeUndefined();
    },
  );

  it('should name a bounded number of distinct texts and run the rest unnamed', () => {
    const names = Array.from({ length: 500 }, (_, i) =>
      statementNameOf(`insert into token_events values ${'($1), '.repeat(i)}($1)`),
    );
    const named = names.filter((name) => name !== undefined);
    expect(named.length).toBeGreaterThan(100);
    expect(named.length).toBeLessThanOrEqual(200);
    expect(names.at(-1)).toBeUndefined();
  });
});
