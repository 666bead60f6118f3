/**
 * What the routes hand the pages: plain data, already scoped to the signed-in user.
 * @module
 */

/** The signed-in mailbox user, shown in the header. */
export interface SignedInUser {
  email: string;
  displayName: string;
}

/** One token as the list and the secret pages show it (epoch ms times). */
export interface TokenView {
  id: string;
  name: string;
  scopes: string[];
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  lastUsedAddress: string | null;
}

/** The token events a user sees; DELETED is shown as "revoked". */
export type ActivityType =
  'CREATED' | 'ROTATED' | 'DELETED' | 'USED' | 'USE_REFUSED' | 'EXPIRY_WARNING_SENT';

/** One entry of the recent-activity list. */
export interface ActivityView {
  at: number;
  type: ActivityType;
  tokenId: string;
  tokenName: string | null;
  clientAddress: string | null;
  /** EXPIRY_WARNING_SENT: days before expiry the warning was for (0: the day itself). */
  expiryWarningDays?: number;
}

/** The organization's token policy; active=false when it is missing or INACTIVE. */
export interface PolicyView {
  active: boolean;
  lifetimeInDays: number;
}

/** Where a mail app connects, for the settings table next to a new secret. */
export interface MailSettingsView {
  host: string;
  email: string;
  imapPort: number;
  pop3Port: number;
  smtpPort: number;
}

/** The create form's submitted (or initial) values; an empty `expires` means the default. */
export interface CreateTokenValues {
  name: string;
  scopes: string[];
  expires: string;
  customDate: string;
}

/** One message per create-form field that was refused; `form` is for the whole form. */
export interface CreateTokenErrors {
  name?: string;
  scopes?: string;
  expires?: string;
  password?: string;
  form?: string;
}
