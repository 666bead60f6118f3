/**
 * What the pages show of tokens and of the organization's policy.
 * @module
 */
import type { OrganizationRecord, TokenRecord } from '../../domain/records.js';
import type { PolicyView, TokenView } from '../pages/index.js';

/** Shown (list page, create and rotate refusals) while the policy is missing or INACTIVE. */
export const TOKENS_OFF_MESSAGE =
  'Personal access tokens are turned off for your organization. Ask your administrator.';

/** A token as the pages show it. */
export function toTokenView(token: TokenRecord): TokenView {
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes,
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    lastUsedAt: token.lastUsedAt,
    lastUsedAddress: token.lastUsedAddress,
  };
}

/** The policy as the pages show it: inactive when missing or INACTIVE. */
export function toPolicyView(organization: OrganizationRecord): PolicyView {
  const policy = organization.patConfiguration;
  return {
    active: policy?.status === 'ACTIVE',
    lifetimeInDays: policy?.lifetimeInDays ?? 0,
  };
}
