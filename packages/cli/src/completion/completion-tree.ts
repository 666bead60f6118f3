/**
 * The command tree as completion sees it: plain data read once from commander.
 * @module
 */
import type { COMPLETION_SHELLS } from './constants.js';

/** A shell `mailpat completion` writes a script for. */
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/**
 * What a value completes to: one of `choices`, file or directory names, `file://PATH` for JSON
 * (the aws CLI convention), or nothing for a free value; `name` is the placeholder, for zsh's hint.
 */
export interface ValueSpec {
  kind: 'choice' | 'file' | 'dir' | 'json' | 'free';
  name: string;
  choices: readonly string[];
}

/** One option as a command recognises it, its own or inherited from an ancestor. */
export interface CompletionOption {
  /** Every spelling commander accepts here: `-o`, `--output`. */
  flags: readonly string[];
  /** The spelling offered as a candidate (long if any); undefined for a hidden option. */
  offered: string | undefined;
  description: string;
  /** Options sharing a key stop being offered once one is given: `--paginate`/`--no-paginate`. */
  key: string;
  arity: 'none' | 'required' | 'optional';
  /** A variadic option may be given again, so it stays offered. */
  repeatable: boolean;
  value: ValueSpec | undefined;
}

/** A positional argument of a command. */
export interface CompletionArgument {
  value: ValueSpec;
  variadic: boolean;
}

/** A visible subcommand, reached by its name or any alias. */
export interface CompletionSubcommand {
  names: readonly string[];
  description: string;
  node: number;
}

/** One command of the tree; `id` is its index in `CompletionTree.nodes`, the root is 0. */
export interface CompletionNode {
  id: number;
  subcommands: CompletionSubcommand[];
  options: CompletionOption[];
  arguments: CompletionArgument[];
}

/** The whole program: its name (the word completion is registered for) and its commands. */
export interface CompletionTree {
  name: string;
  nodes: CompletionNode[];
}
