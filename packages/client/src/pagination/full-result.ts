/**
 * botocore's `PageIterator.build_full_result`.
 * @module
 */
import { FULL_RESULT_TOKEN_KEY } from './constants.js';
import { searchExpression, type CompiledExpression } from './jmespath-expression.js';
import { mergeDicts, setValueFromJmespath } from './jmespath-set.js';
import { setOwn } from '../python/py-types.js';
import { pyAdd } from '../python/py-values.js';

/** The parts of a page iterator that `build_full_result` reads. */
export interface FullResultSource extends AsyncIterable<object> {
  readonly resumeToken: string | undefined;
  readonly nonAggregatePart: Record<string, unknown>;
}

// Lists are extended, numbers summed, strings concatenated; anything else keeps the first value.
function aggregate(complete: Record<string, unknown>, key: CompiledExpression, value: unknown) {
  const existing = searchExpression(key, complete);
  if (existing === null) {
    setValueFromJmespath(complete, key.expression, Array.isArray(value) ? [...value] : value);
  } else if (Array.isArray(value)) {
    if (!Array.isArray(existing)) throw new TypeError('existing result value has no extend()');
    for (const item of value) existing.push(item);
  } else if (['number', 'boolean', 'string'].includes(typeof value)) {
    setValueFromJmespath(complete, key.expression, pyAdd(existing, value));
  }
}

/** Iterates `source` and merges its pages as botocore's `build_full_result()` does. */
export async function buildFullResult(
  source: FullResultSource,
  resultKeys: readonly CompiledExpression[],
): Promise<Record<string, unknown>> {
  const complete: Record<string, unknown> = {};
  for await (const page of source) {
    for (const key of resultKeys) {
      const value = searchExpression(key, page);
      if (value !== null) aggregate(complete, key, value);
    }
  }
  mergeDicts(complete, source.nonAggregatePart);
  if (source.resumeToken !== undefined) {
    setOwn(complete, FULL_RESULT_TOKEN_KEY, source.resumeToken);
  }
  return complete;
}
