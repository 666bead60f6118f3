/**
 * botocore.utils `set_value_from_jmespath`: sets a value at a dotted path. Intermediate
 * dicts are copied before they are written, so objects the service method returned stay intact.
 * @module
 */
import { isPlainObject, setOwn } from '../python/py-types.js';

/** botocore's `InvalidExpressionError`: only dotted lookups can be set. */
export class InvalidExpressionError extends Error {
  override readonly name = 'InvalidExpressionError';

  constructor(expression: string) {
    super(`Invalid expression ${expression}: Only dotted lookups are supported.`);
  }
}

function setPath(source: Record<string, unknown>, expression: string, value: unknown): void {
  const dot = expression.indexOf('.');
  const key = dot < 0 ? expression : expression.slice(0, dot);
  const remainder = dot < 0 ? '' : expression.slice(dot + 1);
  if (key === '') throw new InvalidExpressionError(expression);
  if (remainder === '') {
    setOwn(source, key, value);
    return;
  }
  const child = Object.hasOwn(source, key) ? source[key] : {};
  if (!isPlainObject(child)) {
    throw new TypeError(`cannot set ${remainder} inside a non-dict value at ${key}`);
  }
  const copy = { ...child };
  setOwn(source, key, copy);
  setPath(copy, remainder, value);
}

/** Sets `value` at the dotted `expression` in `source`, creating dicts on the way. */
export function setValueFromJmespath(
  source: Record<string, unknown>,
  expression: string,
  value: unknown,
): void {
  if (expression === '' || expression === '.' || /[[\]*]/.test(expression)) {
    throw new InvalidExpressionError(expression);
  }
  setPath(source, expression, value);
}

/** botocore.utils `merge_dicts(dict1, dict2)`: nested dicts merge, other values replace. */
export function mergeDicts(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isPlainObject(value) && Object.hasOwn(target, key) && isPlainObject(existing)) {
      const merged = { ...existing };
      setOwn(target, key, merged);
      mergeDicts(merged, value);
    } else {
      setOwn(target, key, value);
    }
  }
}
