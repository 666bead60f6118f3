/**
 * Reads one commander option into the shape completion needs.
 * @module
 */
import type { Option } from 'commander';
import { classifyValue } from './classify-value.js';
import type { CompletionOption } from './completion-tree.js';

/**
 * Reads `option` as defined on node `nodeId`; its key is the node plus the attribute name, so a
 * `--x`/`--no-x` pair shares one and a hidden option (`visible` false) is recognised, never offered.
 */
export function readOption(option: Option, nodeId: number, visible: boolean): CompletionOption {
  const flags = [option.short, option.long].filter((flag): flag is string => flag !== undefined);
  const arity = option.required ? 'required' : option.optional ? 'optional' : 'none';
  return {
    flags,
    offered: visible ? offeredFlag(flags) : undefined,
    description: (option.description.split('\n')[0] ?? '').trim(),
    key: `${nodeId}:${option.attributeName()}`,
    arity,
    repeatable: option.variadic,
    value:
      arity === 'none'
        ? undefined
        : classifyValue(placeholderOf(option.flags), option.argChoices, option.long),
  };
}

/** The spelling to offer: the long flag, as `-o` next to `--output` would only double the list. */
export function offeredFlag(flags: readonly string[]): string | undefined {
  return flags.find((flag) => flag.startsWith('--')) ?? flags[0];
}

/** `format` from `-o, --output <format>`; `value` when the flags name none. */
function placeholderOf(flags: string): string {
  const match = /[<[]([^>\]]*)[>\]]/.exec(flags);
  return (match?.[1] || 'value').replace(/\.\.\.$/, '');
}
