/**
 * `--output text`: awscli's `text.format_text`, ported byte for byte.
 * @module
 */
import { pyJsonStr, pySorted, pyUpper } from '@mailpat/client/python';
import { assertJsonValue, isJsonObject, isScalar } from './json-value.js';
import type { JsonObject, JsonValue } from './json-value.js';
import { UnformattableValueError } from './unformattable-value-error.js';

// Hand-written: no npm package reproduces awscli's tab-separated text layout.

/**
 * The text `aws ... --output text` prints for one value: a response page or a `--query` result.
 * For a paginated operation aws formats each page separately; call this once per page.
 *
 * @example
 * process.stdout.write(formatText({ Users: [{ Id: 'u-1', Name: 'ana' }] })); // "USERS\tu-1\tana\n"
 * @throws UnformattableValueError where awscli itself raises (a list mixing dicts and non-dicts).
 */
export function formatText(value: unknown): string {
  assertJsonValue(value);
  const out: string[] = [];
  formatItem(value, out, null, null);
  return out.join('');
}

function formatItem(
  item: JsonValue,
  out: string[],
  identifier: string | null,
  scalarKeys: readonly string[] | null,
): void {
  if (isJsonObject(item)) formatDict(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, identifier);
  else out.push(`${pyJsonStr(item)}\n`);
}

/** Dicts share one column set (their scalar keys); scalars go before nested lists. */
function formatList(item: JsonValue[], out: string[], identifier: string | null): void {
  if (item.length === 0) return;
  if (item.some(isJsonObject)) {
    const allKeys = allScalarKeys(item);
    for (const element of item) formatItem(element, out, identifier, allKeys);
  } else if (item.some(Array.isArray)) {
    const scalars = item.filter(isScalar);
    if (scalars.length > 0) formatScalarList(scalars, out, identifier);
    for (const nested of item.filter((element) => !isScalar(element))) {
      formatItem(nested, out, identifier, null);
    }
  } else {
    formatScalarList(item, out, identifier);
  }
}

/** Under a key, one `KEY\tvalue` line per value; a bare list is one tab-separated line. */
function formatScalarList(elements: JsonValue[], out: string[], identifier: string | null): void {
  if (identifier === null) {
    out.push(`${elements.map(pyJsonStr).join('\t')}\n`);
    return;
  }
  for (const element of elements) out.push(`${pyUpper(identifier)}\t${pyJsonStr(element)}\n`);
}

/** One line of the scalar values (prefixed by the upper-cased key), then each nested value. */
function formatDict(
  item: JsonObject,
  out: string[],
  identifier: string | null,
  scalarKeys: readonly string[] | null,
): void {
  const { scalars, nonScalars } = partitionDict(item, scalarKeys);
  if (scalars.length > 0) {
    if (identifier !== null) scalars.unshift(pyUpper(identifier));
    out.push(`${scalars.join('\t')}\n`);
  }
  for (const key of nonScalars) formatItem(item[key]!, out, key, null);
}

function allScalarKeys(list: readonly JsonValue[]): string[] {
  const keys = new Set<string>();
  for (const element of list) {
    // Python calls .items() on every element once one of them is a dict.
    if (!isJsonObject(element)) {
      throw new UnformattableValueError('a list with a dict has an item that is not one');
    }
    for (const [key, value] of Object.entries(element)) if (isScalar(value)) keys.add(key);
  }
  return pySorted(keys);
}

/**
 * Without shared keys: the dict's own scalars and nested keys, by key. With shared keys (a list of
 * dicts): one cell per shared key ('' if missing, Python's repr if nested here), then the rest.
 */
function partitionDict(
  item: JsonObject,
  scalarKeys: readonly string[] | null,
): { scalars: string[]; nonScalars: string[] } {
  const keys = pySorted(Object.keys(item));
  if (scalarKeys === null) {
    return {
      scalars: keys.filter((key) => isScalar(item[key]!)).map((key) => pyJsonStr(item[key]!)),
      nonScalars: keys.filter((key) => !isScalar(item[key]!)),
    };
  }
  return {
    scalars: scalarKeys.map((key) => pyJsonStr(Object.hasOwn(item, key) ? item[key]! : '')),
    nonScalars: keys.filter((key) => !scalarKeys.includes(key)),
  };
}
