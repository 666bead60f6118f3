/**
 * `mailpat completion <shell>`: prints the bash or zsh completion script for the program.
 * @module
 */
import { Argument } from 'commander';
import type { Command } from 'commander';
import { buildCompletionScript } from './build-completion-script.js';
import type { CompletionShell } from './completion-tree.js';
import { COMPLETION_SHELLS } from './constants.js';
import { completionFunctionName } from './shell-syntax.js';

/**
 * Adds `completion <shell>` to `program`; the tree is read when the command runs, so commands
 * registered after this one are completed too. A shell other than bash or zsh is a usage error.
 * @example mailpat completion bash   # then: source <(mailpat completion bash)
 */
export function registerCompletionCommand(
  program: Command,
  io: { stdout: NodeJS.WritableStream },
): void {
  const name = program.name();
  const fpathFile = completionFunctionName(name);
  program
    .command('completion')
    .description('Print a shell completion script (bash or zsh)')
    .addArgument(new Argument('<shell>', 'bash or zsh').choices(COMPLETION_SHELLS))
    .addHelpText(
      'after',
      [
        '',
        'Install:',
        `  bash: source <(${name} completion bash)              # e.g. in ~/.bashrc`,
        `  zsh:  ${name} completion zsh > "\${fpath[1]}/${fpathFile}"   # then start a new shell`,
        `        or source <(${name} completion zsh) after compinit in ~/.zshrc`,
      ].join('\n'),
    )
    .action((shell: CompletionShell) => {
      io.stdout.write(buildCompletionScript(shell, program));
    });
}
