/**
 * The rows mailpat keeps, as the store hands them to the domain. Timestamps are epoch
 * milliseconds; the API layer turns them into the epoch seconds the wire carries.
 * @module
 */

/** `Active` until DeleteOrganization; a deleted organization stays as a tombstone. */
export type OrganizationState = 'Active' | 'Deleted';

export interface PatConfiguration {
  status: 'ACTIVE' | 'INACTIVE';
  lifetimeInDays: number;
}

/** What PutIdentityProviderConfiguration stores besides the PAT configuration. */
export interface IdentityCenterSettings {
  authenticationMode: string;
  instanceArn: string;
  applicationArn: string;
}

export interface OrganizationRecord {
  id: string;
  alias: string;
  state: OrganizationState;
  /** `<alias>.awsapps.com`, as WorkMail names the test domain. */
  defaultMailDomain: string;
  /** Every mail domain of the organization, the default one included. */
  domains: string[];
  directoryId: string | null;
  interoperabilityEnabled: boolean;
  createdAt: number;
  deletedAt: number | null;
  patConfiguration: PatConfiguration | null;
  identityCenter: IdentityCenterSettings | null;
}

export type UserState = 'ENABLED' | 'DISABLED' | 'DELETED';

/** The free-form user attributes of DescribeUser/UpdateUser, keyed by their AWS member names. */
export type UserAttributes = Partial<
  Record<
    | 'FirstName'
    | 'LastName'
    | 'Initials'
    | 'Telephone'
    | 'Street'
    | 'JobTitle'
    | 'City'
    | 'Company'
    | 'ZipCode'
    | 'Department'
    | 'Country'
    | 'Office'
    | 'IdentityProviderUserId',
    string
  >
>;

export interface UserRecord {
  id: string;
  organizationId: string;
  /** Unique (case-insensitively) among the organization's users that are not DELETED. */
  name: string;
  /**
   * Set by RegisterToWorkMail, cleared by DeregisterFromWorkMail; unique (case-insensitively)
   * among the live users of the whole installation, whatever their organization.
   */
  email: string | null;
  displayName: string;
  role: string;
  state: UserState;
  hiddenFromGlobalAddressList: boolean;
  attributes: UserAttributes;
  /** scrypt hash of the mailbox password, never the password. */
  passwordHash: string | null;
  createdAt: number;
  enabledAt: number | null;
  disabledAt: number | null;
}

export interface TokenRecord {
  id: string;
  organizationId: string;
  userId: string;
  name: string;
  scopes: string[];
  /** Lowercase hex SHA-256 of the secret: the only form of the secret that is stored. */
  secretHash: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  /** The client address of the use that set `lastUsedAt` (null before the first use). */
  lastUsedAddress: string | null;
}

/** The keyset position of a list page: the sort key of the last row returned. */
export interface KeysetCursor {
  createdAt: number;
  id: string;
}

/** An access key that may sign admin API requests. */
export interface AccessKeyRecord {
  accessKeyId: string;
  secretAccessKey: string;
  enabled: boolean;
  createdAt: number;
}

/** A token found by its secret hash, with what decides whether it may log in now. */
export interface LoginSubject {
  token: TokenRecord;
  userEmail: string | null;
  userState: string;
  organizationState: string;
  /** The organization's PersonalAccessTokenConfiguration Status; null when it has none. */
  patStatus: string | null;
}

/** What happened to a token, as MailpatService.ListPersonalAccessTokenEvents names it. */
export type TokenEventType =
  'CREATED' | 'ROTATED' | 'DELETED' | 'USED' | 'USE_REFUSED' | 'EXPIRY_WARNING_SENT';

/** One entry of a token's history. `sequence` is assigned by the database, in insertion order. */
export interface TokenEventRecord {
  sequence?: number;
  organizationId: string;
  tokenId: string;
  userId: string;
  type: TokenEventType;
  /** Epoch milliseconds. */
  at: number;
  /**
   * For USED / USE_REFUSED: the mail client's address as Dovecot names it (X-Dovecot-Auth-Remote),
   * else the introspection caller's (Dovecot's own).
   */
  clientAddress: string | null;
  /** The token's name when the event was written, so a history can name deleted tokens. */
  tokenName: string | null;
  /** For EXPIRY_WARNING_SENT: the threshold mailed, in days before expiry (0: the day itself). */
  expiryWarningDays?: number;
}

/** A successful use to fold into `lastUsedAt` and `lastUsedAddress`. */
export interface TokenUse {
  organizationId: string;
  tokenId: string;
  /** Epoch milliseconds. */
  usedAt: number;
  /** The mail client's address, as the USED event names it. */
  clientAddress: string | null;
}

/** How a browser session was signed in: password sessions re-enter it for sensitive actions. */
export type WebSessionMethod = 'password' | 'sso';

/** A signed-in browser. The cookie holds a random secret; only its SHA-256 (hex) is stored. */
export interface WebSessionRecord {
  idHash: string;
  organizationId: string;
  userId: string;
  /** How the user signed in: password sessions must re-enter it for sensitive actions. */
  method: WebSessionMethod;
  /** Synchronizer token for the session's forms. */
  csrfToken: string;
  /** Epoch ms; the absolute expiry counts from here. */
  createdAt: number;
  /** Epoch ms: the last time the password (or SSO) was proven. */
  authenticatedAt: number;
  /** Epoch ms; the idle expiry counts from here. */
  lastSeenAt: number;
}

/** An organization's OpenID Connect provider for web sign-in (PutOpenIdConnectConfiguration). */
export interface OidcProviderRecord {
  organizationId: string;
  /** Shown as "Sign in with <providerName>". */
  providerName: string;
  issuerUrl: string;
  clientId: string;
  /** Never returned by any API or page. */
  clientSecret: string;
  createdAt: number;
  updatedAt: number;
}

/** One pending OIDC authorization (state → PKCE verifier, nonce), single use. */
export interface OidcLoginStateRecord {
  state: string;
  organizationId: string;
  codeVerifier: string;
  nonce: string;
  createdAt: number;
}
