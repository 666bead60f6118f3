/**
 * The WorkMail operations the import calls, typed structurally: @mailpat/client's WorkMailClient
 * is one, against any WorkMail endpoint (the real service or another mailpat).
 * @module
 */
import type { WorkMailClient } from '@mailpat/client';

/** ListMailDomains, as the model shapes it. */
export interface MailDomainLister {
  listMailDomains(input: {
    OrganizationId: string;
    NextToken?: string;
    MaxResults?: number;
  }): Promise<{
    MailDomains?: { DomainName?: string; DefaultDomain?: boolean }[];
    NextToken?: string;
  }>;
}

/** What the import reads from the source. */
export type SourceApi = Pick<
  WorkMailClient,
  | 'describeOrganization'
  | 'listUsers'
  | 'describeUser'
  | 'describeIdentityProviderConfiguration'
  | 'listPersonalAccessTokens'
> &
  MailDomainLister;

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
