/**
 * The WorkMail operations the import calls, as a slice of @mailpat/client's WorkMailClient: one
 * client type for both sides, whatever the source is (the real service or another mailpat).
 * @module
 */
import type { WorkMailClient } from '@mailpat/client';

/** ListMailDomains alone (both sides read domains). */
export type MailDomainLister = Pick<WorkMailClient, 'listMailDomains'>;

/** What the import reads from the source. */
export type SourceApi = Pick<
  WorkMailClient,
  | 'describeOrganization'
  | 'listMailDomains'
  | 'listUsers'
  | 'describeUser'
  | 'describeIdentityProviderConfiguration'
  | 'listPersonalAccessTokens'
>;

/** What the import reads from and writes to the target. */
export type TargetApi = SourceApi &
  Pick<
    WorkMailClient,
    | 'listOrganizations'
    | 'createOrganization'
    | 'createUser'
    | 'updateUser'
    | 'registerToWorkMail'
    | 'putIdentityProviderConfiguration'
  >;
