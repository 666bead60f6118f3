/**
 * How a JavaScript value maps onto the Python type botocore would see after `json.loads`.
 * @module
 */

/** A plain object: what `json.loads` would have made a `dict`. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The Python type name of `value`, as it appears in Python error messages. */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'string':
      return 'str';
  }
  if (Array.isArray(value)) return 'list';
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof Date) return 'datetime';
  if (isPlainObject(value)) return 'dict';
  return (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
}

/** Defines an own enumerable property, so a key such as `__proto__` stays an ordinary key. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
