/**
 * The wire forms of a user: DescribeUser's output and ListUsers' User summary.
 * @module
 */
import { toOptionalEpochSeconds } from '../../domain/wire-time.js';
import type { UserRecord } from '../../domain/records.js';

/** ListUsers' `User` shape. */
export function toUserSummary(user: UserRecord) {
  return {
    Id: user.id,
    Email: user.email ?? undefined,
    Name: user.name,
    DisplayName: user.displayName,
    State: user.state,
    UserRole: user.role,
    EnabledDate: toOptionalEpochSeconds(user.enabledAt),
    DisabledDate: toOptionalEpochSeconds(user.disabledAt),
    IdentityProviderUserId: user.attributes.IdentityProviderUserId,
  };
}

/** DescribeUser's output. */
export function toUserDescription(user: UserRecord) {
  return {
    UserId: user.id,
    Name: user.name,
    Email: user.email ?? undefined,
    DisplayName: user.displayName,
    State: user.state,
    UserRole: user.role,
    EnabledDate: toOptionalEpochSeconds(user.enabledAt),
    DisabledDate: toOptionalEpochSeconds(user.disabledAt),
    MailboxProvisionedDate: toOptionalEpochSeconds(user.enabledAt),
    MailboxDeprovisionedDate: toOptionalEpochSeconds(user.disabledAt),
    HiddenFromGlobalAddressList: user.hiddenFromGlobalAddressList,
    ...user.attributes,
  };
}
