/**
 * AWS SDK v3 style paginator for WorkMail ListPersonalAccessTokens.
 * @module
 */
import { createPaginator } from './create-paginator.js';

/**
 * Async generator of ListPersonalAccessTokens pages, as `@aws-sdk/client-workmail`'s `paginateListPersonalAccessTokens`
 * (`pageSize` is sent as `MaxResults`), without writing the token into `input`.
 *
 * @example
 * for await (const page of paginateListPersonalAccessTokens({ client, pageSize: 25 }, { OrganizationId })) {
 *   console.log(page);
 * }
 */
export const paginateListPersonalAccessTokens = createPaginator(
  'listPersonalAccessTokens',
  'NextToken',
  'NextToken',
  'MaxResults',
);
