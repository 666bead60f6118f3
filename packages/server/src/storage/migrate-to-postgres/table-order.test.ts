import { describe, expect, it } from 'vitest';
import { orderByForeignKeys } from './table-order.js';

describe('orderByForeignKeys', () => {
  it('puts every parent before its children', () => {
    const order = orderByForeignKeys(
      ['tokens', 'users', 'domains', 'organizations'],
      [
        { child: 'tokens', parent: 'users' },
        { child: 'users', parent: 'organizations' },
        { child: 'domains', parent: 'organizations' },
      ],
    );
    expect(order).toEqual(['organizations', 'domains', 'users', 'tokens']);
  });

  it('ignores a table that refers to itself', () => {
    expect(orderByForeignKeys(['a'], [{ child: 'a', parent: 'a' }])).toEqual(['a']);
  });

  it('refuses a cycle, naming its tables', () => {
    expect(() =>
      orderByForeignKeys(
        ['a', 'b', 'c'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toThrow('the foreign keys of a, b form a cycle');
  });
});
