/**
 * `getPaginator(client, name)`: a boto3-style paginator bound to a client method.
 * @module
 */
import { Paginator } from './paginator.js';
import {
  listPaginatorNames,
  resolvePaginator,
  type PaginatorMethodName,
  type PaginatorName,
} from './paginator-configs.js';

/** Any object with the method a paginator calls, e.g. a `WorkMailClient`. */
export type PaginatorClient<Name extends PaginatorName> = {
  [Method in PaginatorMethodName<Name>]: (input: never) => Promise<object>;
};

type MethodOf<Client, Name extends PaginatorName> = Client[PaginatorMethodName<Name> &
  keyof Client];
type InputOf<Client, Name extends PaginatorName> =
  MethodOf<Client, Name> extends (input: infer Input extends object) => Promise<object>
    ? Input
    : never;
type OutputOf<Client, Name extends PaginatorName> =
  MethodOf<Client, Name> extends (input: never) => Promise<infer Output extends object>
    ? Output
    : never;

/**
 * Returns the paginator for `name` (`'list_personal_access_tokens'` or
 * `'ListPersonalAccessTokens'`), calling the client's camelCase method for each page.
 *
 * @example
 * const pages = getPaginator(client, 'list_personal_access_tokens').paginate({
 *   OrganizationId, PaginationConfig: { PageSize: 25 },
 * });
 * for await (const page of pages) console.log(page.PersonalAccessTokenSummaries);
 */
export function getPaginator<Name extends PaginatorName, Client extends PaginatorClient<Name>>(
  client: Client,
  name: Name,
): Paginator<InputOf<Client, Name>, OutputOf<Client, Name>> {
  const resolved = resolvePaginator(name);
  if (resolved === undefined) {
    throw new Error(
      `Operation cannot be paginated: ${String(name)}; paginators are ${listPaginatorNames().join(', ')}`,
    );
  }
  const { methodName, config } = resolved;
  const target = client as unknown as Record<string, unknown>;
  if (typeof target[methodName] !== 'function') {
    throw new TypeError(`The client has no ${methodName} method for the ${name} paginator`);
  }
  // Called as a method on every page, so `this` is the client.
  const method = (input: InputOf<Client, Name>) =>
    (target[methodName] as (input: unknown) => Promise<OutputOf<Client, Name>>).call(client, input);
  return new Paginator(method, config);
}
