/**
 * What the import reads from each side, reduced to what it compares and copies.
 * @module
 */
import type { DescribeIdentityProviderConfigurationResponse, UserRole } from '@mailpat/client';
import type { UserAttribute } from '@mailpat/model';

/** A user as DescribeUser shows it. */
export interface UserSnapshot {
  id: string;
  name: string;
  email?: string;
  displayName?: string;
  state: string;
  role?: UserRole;
  hiddenFromGlobalAddressList?: boolean;
  attributes: Partial<Record<UserAttribute, string>>;
}

/** A token's metadata (never its secret: WorkMail does not have it to give). */
export interface TokenSnapshot {
  id: string;
  userId: string;
  name: string;
  scopes: string[];
  dateCreated?: Date;
  dateLastUsed?: Date;
  expiresTime?: Date;
}

/** The organization's identity provider configuration, as Describe/Put carry it. */
export type IdentityProviderSnapshot = DescribeIdentityProviderConfigurationResponse;

/** Everything read from the source organization. */
export interface SourceSnapshot {
  organizationId: string;
  alias: string;
  defaultMailDomain?: string;
  interoperabilityEnabled?: boolean;
  /** Every mail domain ListMailDomains names, lowercased. */
  domains: string[];
  users: UserSnapshot[];
  identityProvider?: IdentityProviderSnapshot;
  tokens: TokenSnapshot[];
}

/** What the target holds that the plan compares with. */
export interface TargetSnapshot {
  /** The live organization with the source's alias, if there is one. */
  organization?: { id: string; alias: string; domains: string[] };
  /** The organization's users that are not DELETED (deleted ones hold no name or address). */
  users: UserSnapshot[];
  identityProvider?: IdentityProviderSnapshot;
  /** Mail domains other live organizations of the target hold: domain -> their alias. */
  domainsOfOthers: Map<string, string>;
}
