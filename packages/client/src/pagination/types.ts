/**
 * Structural types shared by the pagination engine; operation shapes stay generic.
 * @module
 */

/** A botocore paginator definition (`paginators-1.json`), camelCased. */
export interface PaginatorConfig {
  /** Request member(s) that carry the service's continuation token. */
  readonly inputToken: string | readonly string[];
  /** JMESPath expression(s) reading the continuation token from a page. */
  readonly outputToken: string | readonly string[];
  /** Request member that limits the page size (`PageSize` is sent as this). */
  readonly limitKey?: string;
  /** JMESPath expression(s) of the aggregated result lists; the first one is truncated. */
  readonly resultKey: string | readonly string[];
  /** JMESPath expression telling whether more pages follow. */
  readonly moreResults?: string;
  /** JMESPath expressions kept from the first page by `buildFullResult()`. */
  readonly nonAggregateKeys?: readonly string[];
}

/** boto3's `PaginationConfig`; numeric strings are accepted as Python's `int()` accepts them. */
export interface PaginationConfig {
  readonly MaxItems?: number | string;
  readonly PageSize?: number | string;
  readonly StartingToken?: string;
}

/** The input of `paginate()`: the operation input plus an optional `PaginationConfig`. */
export type PaginateInput<Input extends object> = Input & {
  readonly PaginationConfig?: PaginationConfig;
};

/** A service method that returns one page per call. */
export type PageMethod<Input extends object, Output extends object> = (
  input: Input,
) => Promise<Output>;

/** What `buildFullResult()` returns: aggregated result keys, non-aggregate keys, `NextToken`. */
export type FullResult<Output extends object> = Partial<Output> & { NextToken?: string };

/** A decoded pagination token: input-token member names to values (`null` is Python's None). */
export type TokenDict = Record<string, unknown>;
