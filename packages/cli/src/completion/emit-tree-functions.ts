/**
 * Writes the command tree as four shell functions that bash and zsh run unchanged: the
 * engines call them instead of reading any data structure, so the script needs no node process.
 * @module
 */
import type {
  CompletionArgument,
  CompletionNode,
  CompletionOption,
  CompletionTree,
  ValueSpec,
} from './completion-tree.js';
import { quoteShellWord, shellArray } from './shell-syntax.js';

/**
 * `<fn>_node`, `<fn>_child`, `<fn>_opt` and `<fn>_arg` for `tree`; `describe` adds zsh's
 * `name:description` arrays (`subd`, `optd`) that `_describe` shows.
 */
export function emitTreeFunctions(tree: CompletionTree, fn: string, describe: boolean): string {
  return [
    emitNodeFunction(tree.nodes, fn, describe),
    emitChildFunction(tree.nodes, fn),
    emitOptionFunction(tree.nodes, fn),
    emitArgumentFunction(tree.nodes, fn),
  ].join('\n\n');
}

/** Sets `subs`, `opts`, `keys` (and `subd`, `optd`) to what node `$1` offers. */
function emitNodeFunction(nodes: CompletionNode[], fn: string, describe: boolean): string {
  const branches = nodes.map((node) => {
    const subs = node.subcommands;
    const offered = node.options.filter((option) => option.offered !== undefined);
    const lines = [
      `subs=${shellArray(subs.map((sub) => sub.names[0] ?? ''))}`,
      `opts=${shellArray(offered.map((option) => option.offered ?? ''))}`,
      `keys=${shellArray(offered.map(exclusionKey))}`,
    ];
    if (describe) {
      lines.push(
        `subd=${shellArray(subs.map((sub) => describeItem(sub.names[0] ?? '', sub.description)))}`,
      );
      lines.push(
        `optd=${shellArray(offered.map((option) => describeItem(option.offered ?? '', option.description)))}`,
      );
    }
    return `    ${node.id})\n${lines.map((line) => `      ${line}\n`).join('')}      ;;`;
  });
  const reset = describe
    ? 'subs=(); opts=(); keys=(); subd=(); optd=()'
    : 'subs=(); opts=(); keys=()';
  return `${fn}_node() {\n  ${reset}\n  case $1 in\n${branches.join('\n')}\n  esac\n}`;
}

/** Sets `child` to the node that word `$2` of `"$node $word"` enters, or fails. */
function emitChildFunction(nodes: CompletionNode[], fn: string): string {
  const branches = nodes.flatMap((node) =>
    node.subcommands.map((sub) => {
      const patterns = sub.names.map((name) => quoteShellWord(`${node.id} ${name}`));
      return `    ${patterns.join('|')}) child=${sub.node} ;;`;
    }),
  );
  return caseFunction(`${fn}_child`, '', branches);
}

/** Describes the option `"$node $flag"` names: `arity`, `key`, and its value's `vkind`... */
function emitOptionFunction(nodes: CompletionNode[], fn: string): string {
  // An inherited option is the same object in every node: one branch lists all its spellings.
  const patterns = new Map<CompletionOption, string[]>();
  for (const node of nodes) {
    for (const option of node.options) {
      const list = patterns.get(option) ?? [];
      list.push(...option.flags.map((flag) => quoteShellWord(`${node.id} ${flag}`)));
      patterns.set(option, list);
    }
  }
  const branches = [...patterns].map(([option, list]) => {
    const arity = option.repeatable ? 'variadic' : option.arity;
    const value = option.value ? `; ${valueAssignments(option.value)}` : '';
    return `    ${list.join('|')}) arity=${arity}; key=${quoteShellWord(exclusionKey(option))}${value} ;;`;
  });
  return caseFunction(`${fn}_opt`, "arity=none; key=''; vkind=''; vname=''; vals=()", branches);
}

/** Describes the positional argument `"$node $index"`; a variadic last one takes any index. */
function emitArgumentFunction(nodes: CompletionNode[], fn: string): string {
  const branches = nodes.flatMap((node) =>
    node.arguments.map((argument: CompletionArgument, index) => {
      const pattern = argument.variadic
        ? `${quoteShellWord(`${node.id} `)}*`
        : quoteShellWord(`${node.id} ${index}`);
      return `    ${pattern}) ${valueAssignments(argument.value)} ;;`;
    }),
  );
  return caseFunction(`${fn}_arg`, "vkind=''; vname=''; vals=()", branches);
}

function caseFunction(name: string, reset: string, branches: string[]): string {
  const body = reset ? `  ${reset}\n` : '';
  const all = [...branches, '    *) return 1 ;;'].join('\n');
  return `${name}() {\n${body}  case $1 in\n${all}\n  esac\n}`;
}

function valueAssignments(value: ValueSpec): string {
  return `vkind=${value.kind}; vname=${quoteShellWord(value.name)}; vals=${shellArray(value.choices)}`;
}

/** A repeatable option never leaves the candidates, so it gets no key. */
function exclusionKey(option: CompletionOption): string {
  return option.repeatable ? '' : option.key;
}

/** A `_describe` item: colons in the name are escaped, the description is one line. */
function describeItem(name: string, description: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  const escaped = name.replace(/:/g, '\\:');
  return text ? `${escaped}:${text}` : escaped;
}
