/**
 * awscli TableFormatter's `_build_table`: lay a response out as table sections.
 * @module
 */
import { isJsonObject, isScalar } from '../json-value.js';
import type { JsonObject, JsonValue } from '../json-value.js';
import { pySorted, pyTruthy } from '@mailpat/client/python';
import { UnformattableValueError } from '../unformattable-value-error.js';
import type { MultiTable } from './multi-table.js';

/**
 * Adds `current` to the table under `title` (no new section when the title is null); false, with
 * nothing added, for a falsy value, which is how an empty response prints nothing.
 */
export function buildTable(
  table: MultiTable,
  title: string | null,
  current: JsonValue,
  indentLevel = 0,
): boolean {
  if (!pyTruthy(current)) return false;
  if (title !== null) table.newSection(title, indentLevel);
  if (Array.isArray(current)) buildFromList(table, current, indentLevel, title);
  else if (isJsonObject(current)) buildSubTableFromDict(table, current, indentLevel);
  return true;
}

function buildFromList(
  table: MultiTable,
  current: JsonValue[],
  indentLevel: number,
  title: string | null,
): void {
  if (isJsonObject(current[0])) {
    buildSubTableFromList(table, current, indentLevel, title);
    return;
  }
  for (const item of current) {
    if (Array.isArray(item)) {
      if (item.every(isScalar)) table.addRow(item);
      else buildTable(table, null, item);
    } else if (isJsonObject(item)) {
      // Iterating a dict yields its keys, all scalars, so Python adds the keys as a row.
      table.addRow(Object.keys(item));
    } else {
      table.addRow([item]);
    }
  }
}

/** A dict: its scalar values as one row under their keys, then a nested section per other key. */
function buildSubTableFromDict(table: MultiTable, current: JsonObject, indentLevel: number): void {
  const { headers, more } = groupScalarKeys([current]);
  const [onlyHeader] = headers;
  if (headers.length === 1 && onlyHeader !== undefined) {
    table.addRow([onlyHeader, current[onlyHeader]!]);
  } else if (headers.length > 0) {
    table.addRowHeader(headers);
    table.addRow(headers.map((key) => current[key]!));
  }
  for (const key of more) buildTable(table, key, current[key]!, indentLevel + 1);
}

/**
 * A list of dicts: one row per dict under the union of their scalar keys ('' where a dict lacks
 * one); when some dicts have nested values, each dict gets its own section followed by those.
 */
function buildSubTableFromList(
  table: MultiTable,
  current: JsonValue[],
  indentLevel: number,
  title: string | null,
): void {
  const { headers, more } = groupScalarKeys(current.filter(isJsonObject));
  const elements = current.map((element) => asDict(element, headers, more));
  table.addRowHeader(headers);
  elements.forEach((element, i) => {
    if (i > 0 && more.length > 0) {
      table.newSection(title, indentLevel);
      table.addRowHeader(headers);
    }
    table.addRow(headers.map((key) => (Object.hasOwn(element, key) ? element[key]! : '')));
    for (const key of more) {
      if (Object.hasOwn(element, key)) buildTable(table, key, element[key]!, indentLevel + 1);
    }
  });
}

/** Keys with scalar values and keys with list or dict values, each sorted, across the dicts. */
function groupScalarKeys(dicts: readonly JsonObject[]): { headers: string[]; more: string[] } {
  const headers = new Set<string>();
  const more = new Set<string>();
  for (const dict of dicts) {
    for (const [key, value] of Object.entries(dict)) (isScalar(value) ? headers : more).add(key);
  }
  return { headers: pySorted(headers), more: pySorted(more) };
}

/**
 * Python treats every item of a list that starts with a dict as a dict: it iterates the item's
 * keys (a list's items, a string's characters), then calls `item.get(header)` for each header and
 * tests `key in item` for each nested key. Only an empty list or string survives that, and only
 * when there are no headers and (for the string) no nested '' key; it then acts as an empty dict.
 */
function asDict(
  element: JsonValue,
  headers: readonly string[],
  more: readonly string[],
): JsonObject {
  if (isJsonObject(element)) return element;
  const empty = (Array.isArray(element) && element.length === 0) || element === '';
  if (empty && headers.length === 0 && !(element === '' && more.includes(''))) return {};
  throw new UnformattableValueError('a list that starts with a dict has an item that is not one');
}
