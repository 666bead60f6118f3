/**
 * The user attributes UpdateUser sets one by one; an empty string clears one, as in WorkMail.
 * @module
 */
import type { UpdateUserRequest } from './generated/wire-types.js';

/** UpdateUser's attribute members (DescribeUser answers each under the same name). */
export const USER_ATTRIBUTES = [
  'FirstName',
  'LastName',
  'Initials',
  'Telephone',
  'Street',
  'JobTitle',
  'City',
  'Company',
  'ZipCode',
  'Department',
  'Country',
  'Office',
  'IdentityProviderUserId',
] as const satisfies readonly (keyof UpdateUserRequest)[];

/** One of USER_ATTRIBUTES. */
export type UserAttribute = (typeof USER_ATTRIBUTES)[number];
