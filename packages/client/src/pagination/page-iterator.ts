/**
 * botocore's `PageIterator`: an async iterable of pages with `resumeToken`,
 * `buildFullResult()` and `search()`. Every call gets a fresh request object; the caller's input
 * and requests already sent are never written to.
 * @module
 */
import { searchExpression, compileExpression } from './jmespath-expression.js';
import type { CompiledExpression } from './jmespath-expression.js';
import { buildFullResult } from './full-result.js';
import { setValueFromJmespath } from './jmespath-set.js';
import {
  getNextToken,
  injectToken,
  isExhausted,
  truncateEnd,
  truncateStart,
} from './page-steps.js';
import { PaginationError } from './pagination-error.js';
import { pyRepr } from '../python/py-repr.js';
import { setOwn } from '../python/py-types.js';
import { pyEquals, pyLen } from '../python/py-values.js';
import { encodeResumeToken } from './resume-token.js';
import { parseStartingToken, type ParsedStartingToken } from './starting-token.js';
import type { FullResult, PageMethod, TokenDict } from './types.js';

/** Everything `Paginator.paginate()` hands to a page iterator. */
export interface PageIteratorOptions<Input extends object, Output extends object> {
  readonly method: PageMethod<Input, Output>;
  readonly inputTokens: readonly string[];
  readonly outputTokens: readonly CompiledExpression[];
  readonly moreResults: CompiledExpression | undefined;
  readonly resultKeys: readonly CompiledExpression[];
  readonly nonAggregateKeys: readonly CompiledExpression[];
  readonly limitKey: string | undefined;
  readonly maxItems: number | undefined;
  readonly startingToken: string | undefined;
  readonly pageSize: number | undefined;
  /** The operation input without `PaginationConfig` (already a private copy). */
  readonly operationInput: Readonly<Record<string, unknown>>;
}

// botocore raises rather than loop forever on a service that repeats its token.
function assertNewToken(previous: TokenDict | undefined, next: TokenDict): void {
  if (previous !== undefined && pyEquals(previous, next)) {
    throw new PaginationError(`The same next token was received twice: ${pyRepr(next)}`);
  }
}

/** Pages of one `paginate()` call; each `for await` starts again from the caller's input. */
export class PageIterator<
  Input extends object,
  Output extends object,
> implements AsyncIterable<Output> {
  readonly #options: PageIteratorOptions<Input, Output>;
  #resumeToken: string | undefined;
  #nonAggregatePart: Record<string, unknown> = {};

  constructor(options: PageIteratorOptions<Input, Output>) {
    this.#options = options;
  }

  /** The token to continue from, set when MaxItems stopped the iteration early. */
  get resumeToken(): string | undefined {
    return this.#resumeToken;
  }

  /** The result key expressions, primary first. */
  get resultKeys(): string[] {
    return this.#options.resultKeys.map((key) => key.expression);
  }

  /** The non-aggregate keys read from the first page. */
  get nonAggregatePart(): Record<string, unknown> {
    return this.#nonAggregatePart;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Output, void, undefined> {
    const { maxItems, inputTokens, resultKeys, startingToken } = this.#options;
    const starting =
      startingToken === undefined ? undefined : parseStartingToken(startingToken, inputTokens);
    const request = this.#startingRequest(starting);
    const primary = resultKeys[0] as CompiledExpression;
    let nextToken = starting ? { ...starting.nextToken } : this.#emptyToken();
    let previousNextToken: TokenDict | undefined;
    let totalItems = 0;
    this.#resumeToken = undefined;
    for (let first = true; ; first = false) {
      const page = await this.#requestPage(request);
      // Only the first page carries the left truncation of a resume token.
      const startingTruncation = first ? this.#handleFirstPage(page, starting) : 0;
      const itemCount = pyLen(searchExpression(primary, page) ?? []);
      const truncateAmount = maxItems === undefined ? 0 : totalItems + itemCount - maxItems;
      if (truncateAmount > 0) {
        const token = truncateEnd(page, primary, truncateAmount, startingTruncation, nextToken);
        this.#resumeToken = encodeResumeToken(token, inputTokens);
        yield page as Output;
        return;
      }
      yield page as Output;
      totalItems += itemCount;
      nextToken = this.#nextToken(page);
      if (isExhausted(nextToken)) return;
      if (totalItems === maxItems) {
        // On a page boundary the service's own token is the resume token.
        this.#resumeToken = encodeResumeToken(nextToken, inputTokens);
        return;
      }
      assertNewToken(previousNextToken, nextToken);
      injectToken(request, nextToken);
      previousNextToken = nextToken;
    }
  }

  /** Every page merged: result keys concatenated, non-aggregate keys, `NextToken` if resumable. */
  async buildFullResult(): Promise<FullResult<Output>> {
    return (await buildFullResult(this, this.#options.resultKeys)) as FullResult<Output>;
  }

  /** Applies a JMESPath expression to each page, yielding list results item by item. */
  async *search(expression: string): AsyncGenerator<unknown, void, undefined> {
    const compiled = compileExpression(expression);
    for await (const page of this) {
      const results = searchExpression(compiled, page);
      // botocore yields non-list results as they are, None included.
      if (Array.isArray(results)) yield* results;
      else yield results;
    }
  }

  // A fresh copy for the method, so later injections never reach a request already sent; the
  // page is copied too, so truncation never writes to the object the method returned.
  async #requestPage(request: Record<string, unknown>): Promise<Record<string, unknown>> {
    const page = await this.#options.method({ ...request } as Input);
    return { ...page } as Record<string, unknown>;
  }

  #nextToken(page: Record<string, unknown>): TokenDict {
    const { inputTokens, outputTokens, moreResults } = this.#options;
    return getNextToken(page, inputTokens, outputTokens, moreResults);
  }

  #emptyToken(): TokenDict {
    const token: TokenDict = {};
    for (const name of this.#options.inputTokens) setOwn(token, name, null);
    return token;
  }

  // `_inject_starting_params`: the starting token first, then the page size.
  #startingRequest(starting: ParsedStartingToken | undefined): Record<string, unknown> {
    const { operationInput, pageSize, limitKey } = this.#options;
    const request: Record<string, unknown> = { ...operationInput };
    if (starting !== undefined) injectToken(request, starting.nextToken);
    if (pageSize !== undefined && limitKey !== undefined) setOwn(request, limitKey, pageSize);
    return request;
  }

  // The first page: left truncation when resuming, then the non-aggregate keys are recorded.
  #handleFirstPage(
    page: Record<string, unknown>,
    starting: ParsedStartingToken | undefined,
  ): unknown {
    if (starting !== undefined) truncateStart(page, this.#options.resultKeys, starting.index);
    this.#nonAggregatePart = {};
    for (const key of this.#options.nonAggregateKeys) {
      setValueFromJmespath(this.#nonAggregatePart, key.expression, searchExpression(key, page));
    }
    return starting === undefined ? 0 : starting.index;
  }
}
