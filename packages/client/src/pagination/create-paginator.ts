/**
 * AWS SDK v3 style paginators (`@smithy/core` `createPaginator`), same semantics minus its
 * flaw: the token and page size go into a fresh request object, never the caller's input.
 * @module
 */

/** SDK v3 `PaginationConfiguration`, with the client typed structurally. */
export interface SdkPaginationConfiguration<Client> {
  readonly client: Client;
  /** Sent as the page-size member unless the input already sets it. */
  readonly pageSize?: number;
  /** The first token; overrides a token in the input. */
  readonly startingToken?: unknown;
  /** Stop when the service returns the token it was just sent (instead of looping). */
  readonly stopOnSameToken?: boolean;
}

/** A client with the one method a paginator calls (extra arguments such as request options). */
export type SdkPagedClient<MethodName extends string, Input, Output, Rest extends unknown[]> = {
  readonly [Method in MethodName]: (input: Input, ...rest: Rest) => Promise<Output>;
};

/** An SDK v3 style paginate function for one client method; `rest` goes to every call. */
export type SdkPaginateFunction<MethodName extends string> = <
  Input extends object,
  Output extends object,
  Rest extends unknown[] = [],
>(
  config: SdkPaginationConfiguration<SdkPagedClient<MethodName, Input, Output, Rest>>,
  input: NoInfer<Input>,
  ...rest: NoInfer<Rest>
) => AsyncGenerator<Output, undefined, unknown>;

// `get` of createPaginator: a dotted path, undefined once a step is not an object.
function readPath(page: unknown, path: string): unknown {
  let cursor = page;
  for (const step of path.split('.')) {
    if (!cursor || typeof cursor !== 'object') return undefined;
    cursor = (cursor as Record<string, unknown>)[step];
  }
  return cursor;
}

function withMember(request: Record<string, unknown>, name: string, value: unknown): void {
  if (value === undefined) delete request[name];
  else request[name] = value;
}

/** Builds an SDK v3 style async-generator paginator over `client[methodName]`. */
export function createPaginator<MethodName extends string>(
  methodName: MethodName,
  inputTokenName: string,
  outputTokenName: string,
  pageSizeTokenName?: string,
): SdkPaginateFunction<MethodName> {
  return async function* paginateOperation<
    Input extends object,
    Output extends object,
    Rest extends unknown[] = [],
  >(
    config: SdkPaginationConfiguration<SdkPagedClient<MethodName, Input, Output, Rest>>,
    input: NoInfer<Input>,
    ...rest: NoInfer<Rest>
  ): AsyncGenerator<Output, undefined, unknown> {
    const { client } = config;
    if (typeof client?.[methodName] !== 'function') {
      throw new Error(`Invalid client, expected a client with a ${methodName} method`);
    }
    const given = input as Record<string, unknown>;
    let token = config.startingToken ?? given[inputTokenName];
    let hasNext = true;
    while (hasNext) {
      const request: Record<string, unknown> = { ...given };
      withMember(request, inputTokenName, token);
      if (pageSizeTokenName !== undefined) {
        withMember(request, pageSizeTokenName, given[pageSizeTokenName] ?? config.pageSize);
      }
      const page = await client[methodName](request as Input, ...rest);
      yield page;
      const previousToken = token;
      token = readPath(page, outputTokenName);
      hasNext = Boolean(token) && (!config.stopOnSameToken || token !== previousToken);
    }
    return undefined;
  };
}
