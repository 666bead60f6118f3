/**
 * botocore's `_parse_starting_token`: a base64-JSON token dict, else the legacy
 * `token___index` form, else the service's own token passed through as it is.
 * @module
 */
import { BOTO_TRUNCATE_AMOUNT, LEGACY_TOKEN_SEPARATOR } from './constants.js';
import { isValueOrTypeError, PyValueError } from '../python/py-errors.js';
import { pyInt } from '../python/py-number.js';
import { setOwn } from '../python/py-types.js';
import { decodeToken } from './token-codec.js';
import type { TokenDict } from './types.js';

/** A parsed starting token: the input tokens to send, and how many items to skip. */
export interface ParsedStartingToken {
  readonly nextToken: TokenDict;
  /** `boto_truncate_amount` as decoded (normally an int; Python semantics apply otherwise). */
  readonly index: unknown;
}

function parseLegacy(startingToken: string, inputTokens: readonly string[]): ParsedStartingToken {
  let parts = startingToken.split(LEGACY_TOKEN_SEPARATOR);
  let index = 0;
  if (parts.length === inputTokens.length + 1) {
    try {
      index = pyInt(parts.pop());
    } catch (error) {
      // Not an old-style token after all: an opaque service token.
      if (!(error instanceof PyValueError)) throw error;
      parts = [startingToken];
    }
  }
  const values: unknown[] = parts.map((part) => (part === 'None' ? null : part));
  if (values.length > inputTokens.length) {
    throw new PyValueError(`Bad starting token: ${startingToken}`);
  }
  const nextToken: TokenDict = {};
  inputTokens.forEach((name, position) => setOwn(nextToken, name, values[position] ?? null));
  return { nextToken, index };
}

/** Parses a `StartingToken` exactly as botocore's `PageIterator._parse_starting_token`. */
export function parseStartingToken(
  startingToken: string,
  inputTokens: readonly string[],
): ParsedStartingToken {
  let nextToken: TokenDict;
  try {
    nextToken = decodeToken(startingToken);
  } catch (error) {
    if (!isValueOrTypeError(error)) throw error;
    return parseLegacy(startingToken, inputTokens);
  }
  if (!Object.hasOwn(nextToken, BOTO_TRUNCATE_AMOUNT)) return { nextToken, index: 0 };
  const { [BOTO_TRUNCATE_AMOUNT]: index, ...rest } = nextToken;
  return { nextToken: rest, index };
}
