/**
 * Reads a commander program into a CompletionTree. Visibility comes from commander's public
 * Help API (`visibleCommands`, `visibleOptions`), so hidden commands and options stay out.
 * @module
 */
import type { Argument, Command } from 'commander';
import { classifyValue } from './classify-value.js';
import type {
  CompletionArgument,
  CompletionNode,
  CompletionOption,
  CompletionTree,
} from './completion-tree.js';
import { offeredFlag, readOption } from './read-option.js';

/** Walks `program` and every visible subcommand below it, depth first; the root is node 0. */
export function readCommandTree(program: Command): CompletionTree {
  const nodes: CompletionNode[] = [];
  addNode(program, [], nodes);
  return { name: program.name(), nodes };
}

function addNode(command: Command, inherited: CompletionOption[], nodes: CompletionNode[]): number {
  const node: CompletionNode = { id: nodes.length, subcommands: [], options: [], arguments: [] };
  nodes.push(node);
  const help = command.createHelp();
  const visible = help.visibleOptions(command);
  const own = command.options.map((option) =>
    readOption(option, node.id, visible.includes(option)),
  );
  // Commander recognises an ancestor's options after a subcommand too (unless positional options
  // are enabled), but each command answers its own --help, so that one is not inherited.
  const recognised = mergeOptions(inherited, own);
  const helpOption = visible
    .filter((option) => !command.options.includes(option))
    .map((option) => readOption(option, node.id, true));
  node.options = mergeOptions(recognised, helpOption);
  node.arguments = command.registeredArguments.map(readArgument);
  node.subcommands = help
    .visibleCommands(command)
    // The implicit `help` command is not in `commands`: it is left out of the candidates.
    .filter((sub) => command.commands.includes(sub))
    .map((sub) => ({
      names: [sub.name(), ...sub.aliases()],
      description: (sub.summary() || sub.description()).split('\n')[0] ?? '',
      node: addNode(sub, recognised, nodes),
    }));
  return node.id;
}

/**
 * Appends `later` to `first`, dropping the flags `first` already claims: commander lets the
 * ancestor parse first, so an ancestor's `--output` wins over a subcommand's.
 */
function mergeOptions(first: CompletionOption[], later: CompletionOption[]): CompletionOption[] {
  const taken = new Set(first.flatMap((option) => option.flags));
  const kept = later.flatMap((option) => {
    const flags = option.flags.filter((flag) => !taken.has(flag));
    if (flags.length === option.flags.length) return [option];
    if (flags.length === 0) return [];
    return [{ ...option, flags, offered: option.offered && offeredFlag(flags) }];
  });
  return [...first, ...kept];
}

function readArgument(argument: Argument): CompletionArgument {
  return {
    value: classifyValue(argument.name(), argument.argChoices),
    variadic: argument.variadic,
  };
}
