/**
 * The constraint violations found in one input, and the AWS-style message that reports
 * them: `2 validation errors detected: Value '101' at 'MaxResults' failed to satisfy constraint:
 * Member must have value less than or equal to 100; Value null at ...`.
 * @module
 */
import {
  MAX_ECHOED_VALUE_LENGTH,
  MAX_REPORTED_VIOLATIONS,
  SENSITIVE_VALUE_PLACEHOLDER,
} from './constants.js';

/** Collects violations; only the first MAX_REPORTED_VIOLATIONS are spelled out, all are counted. */
export class Violations {
  count = 0;
  private messages: string[] | undefined;

  /** Records that `value` at `path` breaks `rule` (`Member must ...`). */
  add(path: string, value: unknown, sensitive: boolean, rule: string): void {
    this.count++;
    if ((this.messages?.length ?? 0) >= MAX_REPORTED_VIOLATIONS) return;
    (this.messages ??= []).push(
      `Value ${echoValue(value, sensitive)} at '${path}' failed to satisfy constraint: ${rule}`,
    );
  }

  /** Records a required member that is absent or null. */
  addMissing(path: string): void {
    this.add(path, null, false, 'Member must not be null');
  }

  /** The InvalidParameterException message for what was collected. */
  toMessage(): string {
    const messages = this.messages ?? [];
    const omitted = this.count - messages.length;
    const plural = this.count === 1 ? '' : 's';
    const tail = omitted > 0 ? `; and ${omitted} more` : '';
    return `${this.count} validation error${plural} detected: ${messages.join('; ')}${tail}`;
  }
}

/** How AWS echoes a value: quoted, `null` bare, lists as `[a, b]`, sensitive ones masked. */
export function echoValue(value: unknown, sensitive: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (sensitive) return `'${SENSITIVE_VALUE_PLACEHOLDER}'`;
  return `'${truncate(stringifyValue(value))}'`;
}

function stringifyValue(value: unknown): string {
  if (Array.isArray(value)) {
    // Every item adds at least one character, so later items could never show.
    const shown = value.slice(0, MAX_ECHOED_VALUE_LENGTH).map(stringifyValue);
    return `[${shown.join(', ')}${value.length > shown.length ? ', ...' : ''}]`;
  }
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function truncate(text: string): string {
  if (text.length <= MAX_ECHOED_VALUE_LENGTH) return text;
  let end = MAX_ECHOED_VALUE_LENGTH;
  // Do not cut a surrogate pair in half.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}...`;
}
