/**
 * The tables as Kysely sees them: one interface per table, columns in snake_case.
 * @module
 */
import type { Generated } from 'kysely';

// Timestamps are epoch milliseconds in `bigint` columns. SQLite hands them back as numbers; the
// PostgreSQL store parses int8 to number too (postgres-store.ts; values stay far below 2^53).
// Booleans are 0/1 integers, which both backends store and compare the same way.

/** An organization; deleted ones stay as tombstones with state `Deleted`. */
export interface OrganizationsTable {
  id: string;
  alias: string;
  /** `alias` lowercased in JS, so case-insensitive uniqueness means the same on every backend. */
  alias_lower: string;
  state: string;
  default_mail_domain: string;
  /** JSON array of strings. */
  domains: string;
  directory_id: string | null;
  interoperability_enabled: number;
  created_at: number;
  deleted_at: number | null;
  /** Both PAT configuration columns are null when the organization has none. */
  pat_status: string | null;
  pat_lifetime_in_days: number | null;
  /** The three identity center columns are null together. */
  idc_authentication_mode: string | null;
  idc_instance_arn: string | null;
  idc_application_arn: string | null;
}

/**
 * Which live organization holds a mail domain (its default `<alias>.awsapps.com` included): the
 * primary key makes a domain one organization's, whatever instance writes. Rows go with the
 * organization's delete; the organization row itself stays as a tombstone.
 */
export interface MailDomainsTable {
  /** Lowercased in JS, as `alias_lower` is. */
  domain_lower: string;
  organization_id: string;
}

/** A user; DELETED users stay as tombstones so their IDs keep resolving. */
export interface UsersTable {
  id: string;
  organization_id: string;
  name: string;
  name_lower: string;
  email: string | null;
  email_lower: string | null;
  display_name: string;
  role: string;
  state: string;
  hidden_from_global_address_list: number;
  /** JSON object of the AWS-named attributes. */
  attributes: string;
  /** Copied out of `attributes` so ListUsers can filter on it with plain SQL. */
  identity_provider_user_id: string | null;
  password_hash: string | null;
  created_at: number;
  enabled_at: number | null;
  disabled_at: number | null;
  /** Set by DeleteUser; kept for the record, not part of UserRecord. */
  deleted_at: number | null;
}

/** A personal access token; only the SHA-256 of its secret is kept. */
export interface PersonalAccessTokensTable {
  id: string;
  organization_id: string;
  user_id: string;
  name: string;
  /** JSON array of strings. */
  scopes: string;
  /** Lowercase hex SHA-256 of the secret. */
  secret_hash: string;
  /** The token's PersonalAccessTokenSummary as wire JSON (see tokens/token-summary.ts). */
  summary_json: string;
  created_at: number;
  expires_at: number;
  last_used_at: number | null;
  /** The client address of the use that set last_used_at (0006-token-activity). */
  last_used_address: string | null;
  /**
   * The tightest expiry warning (days before expiry) already mailed for the current expiry_at;
   * null before the first and after a rotation (0008-expiry-warnings).
   */
  expiry_warned_days: number | null;
  /** Until when an instance that claimed the next warning may send it; null when unclaimed. */
  expiry_warning_lease_until: number | null;
}

/** Server-wide key/value settings (e.g. the NextToken signing key). */
export interface TokenEventsTable {
  /** Assigned by the database on insert. */
  sequence: Generated<number>;
  organization_id: string;
  token_id: string;
  user_id: string;
  type: string;
  at: number;
  client_address: string | null;
  /** The token's name when the event was written; null for events older than 0006. */
  token_name: string | null;
  /** EXPIRY_WARNING_SENT: the warning's threshold in days before expiry; null otherwise. */
  expiry_warning_days: number | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** Access keys that may sign admin API requests. */
export interface AccessKeysTable {
  access_key_id: string;
  secret_access_key: string;
  enabled: number;
  created_at: number;
}

/** A signed-in browser (see WebSessionRecord); the cookie secret itself is never stored. */
export interface WebSessionsTable {
  /** Lowercase hex SHA-256 of the cookie secret. */
  id_hash: string;
  organization_id: string;
  user_id: string;
  method: string;
  csrf_token: string;
  created_at: number;
  authenticated_at: number;
  last_seen_at: number;
}

/** One organization's OpenID Connect provider; the client secret is stored as given. */
export interface OidcProvidersTable {
  organization_id: string;
  provider_name: string;
  issuer_url: string;
  client_id: string;
  client_secret: string;
  created_at: number;
  updated_at: number;
}

/** A pending OIDC authorization, deleted when its callback takes it or when it is too old. */
export interface OidcLoginStatesTable {
  state: string;
  organization_id: string;
  code_verifier: string;
  nonce: string;
  created_at: number;
}

/** The whole database, as the `Kysely<Database>` type parameter. */
export interface Database {
  organizations: OrganizationsTable;
  mail_domains: MailDomainsTable;
  users: UsersTable;
  personal_access_tokens: PersonalAccessTokensTable;
  settings: SettingsTable;
  access_keys: AccessKeysTable;
  token_events: TokenEventsTable;
  web_sessions: WebSessionsTable;
  oidc_providers: OidcProvidersTable;
  oidc_login_states: OidcLoginStatesTable;
}
