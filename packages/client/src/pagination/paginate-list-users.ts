/**
 * AWS SDK v3 style paginator for WorkMail ListUsers.
 * @module
 */
import { createPaginator } from './create-paginator.js';

/**
 * Async generator of ListUsers pages, as `@aws-sdk/client-workmail`'s `paginateListUsers`
 * (`pageSize` is sent as `MaxResults`), without writing the token into `input`.
 *
 * @example
 * for await (const page of paginateListUsers({ client, pageSize: 25 }, { OrganizationId })) {
 *   console.log(page);
 * }
 */
export const paginateListUsers = createPaginator(
  'listUsers',
  'NextToken',
  'NextToken',
  'MaxResults',
);
