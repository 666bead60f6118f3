/**
 * botocore's `Paginator`, reproduced exactly: the same requests, pages, resume tokens
 * (byte for byte) and errors, so a token from boto3 or the aws CLI continues here and back.
 * @module
 */
import { compileExpression } from './jmespath-expression.js';
import { PageIterator } from './page-iterator.js';
import { PaginationError } from './pagination-error.js';
import { PyAttributeError } from '../python/py-errors.js';
import { pyInt } from '../python/py-number.js';
import type { PageMethod, PaginateInput, PaginationConfig, PaginatorConfig } from './types.js';

interface PagingParams {
  readonly maxItems: number | undefined;
  readonly pageSize: number | undefined;
  readonly startingToken: string | undefined;
}

function toList(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

/**
 * Paginates any method that returns one page per call.
 *
 * @example
 * const paginator = new Paginator((input) => client.listUsers(input), {
 *   inputToken: 'NextToken', outputToken: 'NextToken', limitKey: 'MaxResults', resultKey: 'Users',
 * });
 * const pages = paginator.paginate({ OrganizationId, PaginationConfig: { MaxItems: 50 } });
 * for await (const page of pages) console.log(page.Users);
 * console.log(pages.resumeToken); // pass as StartingToken to continue
 */
export class Paginator<Input extends object, Output extends object> {
  readonly #method: PageMethod<Input, Output>;
  readonly #inputTokens: readonly string[];
  readonly #outputTokens;
  readonly #moreResults;
  readonly #nonAggregateKeys;
  readonly #resultKeys;
  readonly #limitKey: string | undefined;

  constructor(method: PageMethod<Input, Output>, config: PaginatorConfig) {
    this.#method = method;
    this.#outputTokens = toList(config.outputToken).map(compileExpression);
    this.#inputTokens = [...toList(config.inputToken)];
    this.#moreResults =
      config.moreResults === undefined ? undefined : compileExpression(config.moreResults);
    this.#nonAggregateKeys = (config.nonAggregateKeys ?? []).map(compileExpression);
    this.#resultKeys = toList(config.resultKey).map(compileExpression);
    this.#limitKey = config.limitKey;
    if (this.#resultKeys.length === 0) throw new TypeError('resultKey must name at least one key');
  }

  /** The result key expressions, primary first. */
  get resultKeys(): string[] {
    return this.#resultKeys.map((key) => key.expression);
  }

  /** Starts a pagination; nothing is requested until the result is iterated. */
  paginate(input: PaginateInput<Input>): PageIterator<Input, Output> {
    const { PaginationConfig: paginationConfig, ...operationInput } = input;
    const params = this.#extractPagingParams(paginationConfig);
    return new PageIterator<Input, Output>({
      method: this.#method,
      inputTokens: this.#inputTokens,
      outputTokens: this.#outputTokens,
      moreResults: this.#moreResults,
      resultKeys: this.#resultKeys,
      nonAggregateKeys: this.#nonAggregateKeys,
      limitKey: this.#limitKey,
      ...params,
      operationInput: Object.freeze(operationInput),
    });
  }

  // `_extract_paging_params`: int() for MaxItems and an integer limit key; None means absent.
  #extractPagingParams(config: PaginationConfig | null | undefined): PagingParams {
    if (config === null) throw new PyAttributeError("'NoneType' object has no attribute 'get'");
    const { MaxItems, PageSize, StartingToken } = config ?? {};
    const maxItems = MaxItems === undefined || MaxItems === null ? undefined : pyInt(MaxItems);
    let pageSize: number | undefined;
    if (PageSize !== undefined && PageSize !== null) {
      if (this.#limitKey === undefined) {
        throw new PaginationError(
          'PageSize parameter is not supported for the pagination interface for this operation.',
        );
      }
      pageSize = pyInt(PageSize);
    }
    return { maxItems, pageSize, startingToken: StartingToken ?? undefined };
  }
}
