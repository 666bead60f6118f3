/**
 * The per-page steps of botocore's `PageIterator.__iter__`, one small function each:
 * token injection, next-token extraction, left truncation of the first page (resuming) and right
 * truncation of the last page (MaxItems).
 * @module
 */
import { BOTO_TRUNCATE_AMOUNT } from './constants.js';
import { searchExpression, type CompiledExpression } from './jmespath-expression.js';
import { setValueFromJmespath } from './jmespath-set.js';
import { setOwn } from '../python/py-types.js';
import { pyAdd, pyLen, pySlice, pyTruthy, toSliceIndex } from '../python/py-values.js';
import type { TokenDict } from './types.js';

/** `_inject_token_into_kwargs`: sets each token, deleting members whose token is None/'None'. */
export function injectToken(request: Record<string, unknown>, nextToken: TokenDict): void {
  for (const [name, token] of Object.entries(nextToken)) {
    if (token !== null && token !== undefined && token !== 'None') setOwn(request, name, token);
    else if (Object.hasOwn(request, name)) delete request[name];
  }
}

/** `_get_next_token`: `{}` when `more_results` is falsy; falsy tokens (e.g. '') become None. */
export function getNextToken(
  page: unknown,
  inputTokens: readonly string[],
  outputTokens: readonly CompiledExpression[],
  moreResults: CompiledExpression | undefined,
): TokenDict {
  if (moreResults !== undefined && !pyTruthy(searchExpression(moreResults, page))) return {};
  const nextToken: TokenDict = {};
  // zip(): as many pairs as the shorter list has.
  const pairs = Math.min(inputTokens.length, outputTokens.length);
  for (let i = 0; i < pairs; i += 1) {
    const token = searchExpression(outputTokens[i] as CompiledExpression, page);
    setOwn(nextToken, inputTokens[i] as string, pyTruthy(token) ? token : null);
  }
  return nextToken;
}

/** Whether a next token holds no token at all (`all(t is None for t in ...)`). */
export function isExhausted(nextToken: TokenDict): boolean {
  return Object.values(nextToken).every((token) => token === null || token === undefined);
}

/**
 * `_handle_first_request`: drops the `index` items a resume token says were already returned,
 * and empties the secondary result keys, which the previous call already returned in full.
 */
export function truncateStart(
  page: Record<string, unknown>,
  resultKeys: readonly CompiledExpression[],
  index: unknown,
): void {
  const [primary, ...secondary] = resultKeys as [CompiledExpression, ...CompiledExpression[]];
  const allData = searchExpression(primary, page);
  const isSliceable = Array.isArray(allData) || typeof allData === 'string';
  const data = isSliceable ? pySlice(allData, toSliceIndex(index), undefined) : null;
  setValueFromJmespath(page, primary.expression, data);
  for (const key of secondary) {
    const sample = searchExpression(key, page);
    let empty: unknown = null;
    if (Array.isArray(sample)) empty = [];
    else if (typeof sample === 'string') empty = '';
    // Numbers (and bools, which are ints in Python) keep the server's value, e.g. a Count.
    else if (typeof sample === 'number' || typeof sample === 'boolean') empty = sample;
    setValueFromJmespath(page, key.expression, empty);
  }
}

/**
 * `_truncate_response`: keeps the first items of the page up to MaxItems and returns the token
 * to resume from: the token of this page plus how many of its items were consumed, counting the
 * ones a resume token skipped at the start.
 */
export function truncateEnd(
  page: Record<string, unknown>,
  primary: CompiledExpression,
  truncateAmount: number,
  startingTruncation: unknown,
  nextToken: TokenDict,
): TokenDict {
  const original = searchExpression(primary, page) ?? [];
  const amountToKeep = pyLen(original) - truncateAmount;
  setValueFromJmespath(page, primary.expression, pySlice(original, undefined, amountToKeep));
  const resumeToken = { ...nextToken };
  setOwn(resumeToken, BOTO_TRUNCATE_AMOUNT, pyAdd(amountToKeep, startingTruncation));
  return resumeToken;
}
