/**
 * botocore's `PageIterator.resume_token` setter: validate the keys, then encode.
 * @module
 */
import { BOTO_TRUNCATE_AMOUNT } from './constants.js';
import { PyValueError } from '../python/py-errors.js';
import { pyRepr } from '../python/py-repr.js';
import { isPlainObject } from '../python/py-types.js';
import { encodeToken } from './token-codec.js';
import type { TokenDict } from './types.js';

/** Encodes `value` as a resume token if its keys are exactly the input tokens (+ truncation). */
export function encodeResumeToken(value: unknown, inputTokens: readonly string[]): string {
  if (!isPlainObject(value)) throw new PyValueError(`Bad starting token: ${pyRepr(value)}`);
  const expected = Object.hasOwn(value, BOTO_TRUNCATE_AMOUNT)
    ? [...inputTokens, BOTO_TRUNCATE_AMOUNT]
    : [...inputTokens];
  const actual = Object.keys(value).sort();
  const sameKeys =
    expected.length === actual.length && expected.sort().every((key, i) => key === actual[i]);
  if (!sameKeys) throw new PyValueError(`Bad starting token: ${pyRepr(value)}`);
  return encodeToken(value as TokenDict);
}
