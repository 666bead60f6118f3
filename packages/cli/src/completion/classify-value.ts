/**
 * Decides what an option's or argument's value completes to, from its choices and name.
 * @module
 */
import type { ValueSpec } from './completion-tree.js';
import { DIR_PLACEHOLDER, FILE_PLACEHOLDER, JSON_VALUE } from './constants.js';

/**
 * Classifies a value by its `choices`, else by its placeholder `name` (`<file>`, `<dir>`) or, for
 * JSON, by the option's long flag too (`--cli-input-json <value>`).
 */
export function classifyValue(
  name: string,
  choices: readonly string[] | undefined,
  longFlag = '',
): ValueSpec {
  if (choices && choices.length > 0) return { kind: 'choice', name, choices };
  if (FILE_PLACEHOLDER.test(name)) return { kind: 'file', name, choices: [] };
  if (DIR_PLACEHOLDER.test(name)) return { kind: 'dir', name, choices: [] };
  if (JSON_VALUE.test(name) || JSON_VALUE.test(longFlag))
    return { kind: 'json', name, choices: [] };
  return { kind: 'free', name, choices: [] };
}
