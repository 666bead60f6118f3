/**
 * The WorkMail paginator definitions mailpat serves (from `paginators-1.json`) and the
 * resolver from a boto3-style (`list_users`) or operation (`ListUsers`) name to one of them.
 * @module
 */
import type { PaginatorConfig } from './types.js';

const NEXT_TOKEN_PAGINATION = {
  inputToken: 'NextToken',
  outputToken: 'NextToken',
  limitKey: 'MaxResults',
} as const;

/** Paginator definitions by WorkMail operation name, with the client method each one calls. */
export const WORKMAIL_PAGINATORS = {
  ListOrganizations: {
    methodName: 'listOrganizations',
    config: { ...NEXT_TOKEN_PAGINATION, resultKey: 'OrganizationSummaries' },
  },
  ListPersonalAccessTokens: {
    methodName: 'listPersonalAccessTokens',
    config: { ...NEXT_TOKEN_PAGINATION, resultKey: 'PersonalAccessTokenSummaries' },
  },
  ListUsers: {
    methodName: 'listUsers',
    config: { ...NEXT_TOKEN_PAGINATION, resultKey: 'Users' },
  },
} as const satisfies Record<string, { methodName: string; config: PaginatorConfig }>;

/** A WorkMail operation that has a paginator. */
export type PaginatedOperationName = keyof typeof WORKMAIL_PAGINATORS;

/** boto3's names for the paginators (the operation name in snake_case, as `xform_name`). */
export const PAGINATOR_SNAKE_NAMES = {
  list_organizations: 'ListOrganizations',
  list_personal_access_tokens: 'ListPersonalAccessTokens',
  list_users: 'ListUsers',
} as const satisfies Record<string, PaginatedOperationName>;

/** Any name `getPaginator` accepts: `list_users` or `ListUsers`. */
export type PaginatorName = PaginatedOperationName | keyof typeof PAGINATOR_SNAKE_NAMES;

/** The operation a paginator name stands for. */
export type PaginatorOperationName<Name extends PaginatorName> =
  Name extends keyof typeof PAGINATOR_SNAKE_NAMES ? (typeof PAGINATOR_SNAKE_NAMES)[Name] : Name;

/** The client method a paginator name calls (`list_users` -> `listUsers`). */
export type PaginatorMethodName<Name extends PaginatorName> =
  (typeof WORKMAIL_PAGINATORS)[PaginatorOperationName<Name>]['methodName'];

/** A resolved paginator: which operation, which client method, which definition. */
export interface ResolvedPaginator {
  readonly operationName: PaginatedOperationName;
  readonly methodName: string;
  readonly config: PaginatorConfig;
}

const BY_NAME = new Map<string, PaginatedOperationName>([
  ...(Object.keys(WORKMAIL_PAGINATORS) as PaginatedOperationName[]).map((op) => [op, op] as const),
  ...Object.entries(PAGINATOR_SNAKE_NAMES),
]);

/** The names `resolvePaginator` accepts, snake_case first. */
export function listPaginatorNames(): string[] {
  return [...Object.keys(PAGINATOR_SNAKE_NAMES), ...Object.keys(WORKMAIL_PAGINATORS)];
}

/** Resolves `list_users` or `ListUsers`; undefined for a name without a paginator. */
export function resolvePaginator(name: string): ResolvedPaginator | undefined {
  const operationName = BY_NAME.get(name);
  if (operationName === undefined) return undefined;
  const { methodName, config } = WORKMAIL_PAGINATORS[operationName];
  return { operationName, methodName, config };
}
