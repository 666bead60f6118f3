/**
 * Test helper: runs a generated bash completion script in the real bash, non-interactively,
 * with COMP_WORDS split as interactive bash splits them, and returns COMPREPLY.
 * @module
 */
import { execFileSync } from 'node:child_process';

/** What one completion produced: COMPREPLY, and the `compopt` calls (`-o nospace`...). */
export interface BashCompletion {
  candidates: string[];
  compopt: string[];
}

const DRIVER = `
script=$1 COMP_LINE=$2 COMP_POINT=$3 COMP_CWORD=$4; shift 4
source "$script"
__compopt=()
# compopt only works inside a real completion; this records what the script asks for.
compopt() { __compopt+=("$*"); }
COMP_WORDS=("$@")
COMP_WORDBREAKS=$' \\t\\n"\\'><=;|&(:'
COMPREPLY=()
_mailpat mailpat "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
for c in "\${COMPREPLY[@]}"; do printf 'R:%s\\n' "$c"; done
for c in "\${__compopt[@]}"; do printf 'O:%s\\n' "$c"; done
`;

/** Where to complete: in directory `cwd`, with the cursor at `point` (default: end of line). */
export interface BashCompletionOptions {
  cwd?: string;
  point?: number;
}

/** Completes `line` with the script at `scriptPath`, as TAB at the cursor would. */
export function completeInBash(
  scriptPath: string,
  line: string,
  { cwd, point = line.length }: BashCompletionOptions = {},
): BashCompletion {
  const words = splitLikeBash(line);
  const cword = splitLikeBash(line.slice(0, point)).length - 1;
  const args = [scriptPath, line, String(point), String(cword), ...words];
  const out = execFileSync(
    '/usr/bin/bash',
    ['--norc', '--noprofile', '-c', DRIVER, 'bash', ...args],
    {
      encoding: 'utf8',
      cwd,
      timeout: 10_000,
    },
  );
  const lines = out.split('\n');
  return {
    candidates: lines.filter((l) => l.startsWith('R:')).map((l) => l.slice(2)),
    compopt: lines.filter((l) => l.startsWith('O:')).map((l) => l.slice(2)),
  };
}

/**
 * COMP_WORDS as readline builds them: words end at blanks, and a run of `=` or `:` is a word of
 * its own (`--output=js` is `--output`, `=`, `js`). Enough for test lines without quotes.
 */
export function splitLikeBash(line: string): string[] {
  const words = line
    .split(/\s+/)
    .filter((word) => word !== '')
    .flatMap((word) => word.split(/([=:]+)/).filter((piece) => piece !== ''));
  return /\s$/.test(line) || line === '' ? [...words, ''] : words;
}
