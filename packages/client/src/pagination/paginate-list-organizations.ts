/**
 * AWS SDK v3 style paginator for WorkMail ListOrganizations.
 * @module
 */
import { createPaginator } from './create-paginator.js';

/**
 * Async generator of ListOrganizations pages, as `@aws-sdk/client-workmail`'s `paginateListOrganizations`
 * (`pageSize` is sent as `MaxResults`), without writing the token into `input`.
 *
 * @example
 * for await (const page of paginateListOrganizations({ client, pageSize: 25 }, { OrganizationId })) {
 *   console.log(page);
 * }
 */
export const paginateListOrganizations = createPaginator(
  'listOrganizations',
  'NextToken',
  'NextToken',
  'MaxResults',
);
