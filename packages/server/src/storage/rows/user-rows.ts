/**
 * Users between their record and their row.
 * @module
 */
import type { UserAttributes, UserRecord, UserState } from '../../domain/records.js';
import type { UsersTable } from '../schema.js';
import type { UserPatch } from '../store.js';

/** The row that stores a user (deleted_at starts empty; deleteUser sets it). */
export function userToRow(user: UserRecord): UsersTable {
  return {
    id: user.id,
    organization_id: user.organizationId,
    name: user.name,
    name_lower: user.name.toLowerCase(),
    ...emailColumns(user.email),
    display_name: user.displayName,
    role: user.role,
    state: user.state,
    hidden_from_global_address_list: user.hiddenFromGlobalAddressList ? 1 : 0,
    ...attributeColumns(user.attributes),
    password_hash: user.passwordHash,
    created_at: user.createdAt,
    enabled_at: user.enabledAt,
    disabled_at: user.disabledAt,
    deleted_at: null,
  };
}

/** The user a row stores. */
export function userFromRow(row: UsersTable): UserRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    state: row.state as UserState,
    hiddenFromGlobalAddressList: row.hidden_from_global_address_list !== 0,
    attributes: JSON.parse(row.attributes) as UserAttributes,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    enabledAt: row.enabled_at,
    disabledAt: row.disabled_at,
  };
}

/** The columns a UserPatch changes; fields left undefined are not touched. */
export function userPatchToRow(patch: UserPatch): Partial<UsersTable> {
  const row: Partial<UsersTable> = {};
  if (patch.email !== undefined) Object.assign(row, emailColumns(patch.email));
  if (patch.displayName !== undefined) row.display_name = patch.displayName;
  if (patch.role !== undefined) row.role = patch.role;
  if (patch.state !== undefined) row.state = patch.state;
  if (patch.hiddenFromGlobalAddressList !== undefined) {
    row.hidden_from_global_address_list = patch.hiddenFromGlobalAddressList ? 1 : 0;
  }
  if (patch.attributes !== undefined) Object.assign(row, attributeColumns(patch.attributes));
  if (patch.passwordHash !== undefined) row.password_hash = patch.passwordHash;
  if (patch.enabledAt !== undefined) row.enabled_at = patch.enabledAt;
  if (patch.disabledAt !== undefined) row.disabled_at = patch.disabledAt;
  return row;
}

function emailColumns(email: string | null): Pick<UsersTable, 'email' | 'email_lower'> {
  return { email, email_lower: email === null ? null : email.toLowerCase() };
}

function attributeColumns(
  attributes: UserAttributes,
): Pick<UsersTable, 'attributes' | 'identity_provider_user_id'> {
  return {
    attributes: JSON.stringify(attributes),
    identity_provider_user_id: attributes.IdentityProviderUserId ?? null,
  };
}
