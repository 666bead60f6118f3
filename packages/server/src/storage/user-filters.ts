/**
 * The ListUsers filters as SQL conditions.
 * @module
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from './schema.js';
import type { UserFilters } from './store.js';

type UsersExpressions = ExpressionBuilder<Database, 'users'>;
type PrefixColumn = 'name_lower' | 'email_lower' | 'display_name' | 'identity_provider_user_id';

/**
 * The conditions for the set filters, all of which must hold. User name and email prefixes
 * match case-insensitively, like the names themselves; display name and identity provider ID
 * prefixes match exactly.
 */
export function userFilterConditions(
  eb: UsersExpressions,
  filters: UserFilters,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.usernamePrefix !== undefined) {
    conditions.push(startsWith(eb, 'name_lower', filters.usernamePrefix.toLowerCase()));
  }
  if (filters.primaryEmailPrefix !== undefined) {
    conditions.push(startsWith(eb, 'email_lower', filters.primaryEmailPrefix.toLowerCase()));
  }
  if (filters.displayNamePrefix !== undefined) {
    conditions.push(startsWith(eb, 'display_name', filters.displayNamePrefix));
  }
  if (filters.identityProviderUserIdPrefix !== undefined) {
    conditions.push(
      startsWith(eb, 'identity_provider_user_id', filters.identityProviderUserIdPrefix),
    );
  }
  if (filters.state !== undefined) {
    conditions.push(eb('state', '=', filters.state));
  }
  return conditions;
}

// substr() rather than LIKE: LIKE needs escaping of % and _ and is case-insensitive in SQLite
// but not in PostgreSQL. Both count substr() positions in characters, i.e. code points.
function startsWith(
  eb: UsersExpressions,
  column: PrefixColumn,
  prefix: string,
): Expression<SqlBool> {
  const length = [...prefix].length;
  return eb(eb.fn<string>('substr', [column, eb.lit(1), eb.val(length)]), '=', prefix);
}
