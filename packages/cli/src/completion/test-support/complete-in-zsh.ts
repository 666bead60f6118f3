/**
 * Test helper: runs a generated zsh completion script inside a real interactive zsh with
 * compinit, driven through the zsh/zpty module, and returns the matches each TAB added.
 * @module
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** How the script is installed: `source <(...)` after compinit, or as `_mailpat` in fpath. */
export type ZshInstall = 'source' | 'fpath';

// Sourced by the interactive zsh: installs the script, then binds TAB to a completion widget that
// records every word compadd accepted (the check compadd itself makes, with -O) in CAPTURE_FILE.
const SETUP = `
PS1='' RPS1='' PROMPT_EOL_MARK='' LISTMAX=100000
setopt no_beep no_auto_list no_auto_menu
if [[ $INSTALL == fpath ]]; then fpath=($SCRIPT_DIR $fpath); fi
autoload -Uz compinit && compinit -u -D
if [[ $INSTALL == source ]]; then source $SCRIPT_DIR/_mailpat; fi
compadd() {
  # A call that only filters (-O, -A, -D) adds nothing: pass it through untouched.
  if [[ " \${(j: :)@[1,(i)(-|--)]} " == *' -'[OAD]' '* ]]; then builtin compadd "$@"; return; fi
  local -a __m
  builtin compadd -O __m "$@"
  __hits+=("\${__m[@]}")
  builtin compadd "$@"
}
__capture() {
  __hits=()
  _main_complete
  local ret=$?
  print -rl -- "\${__hits[@]}" >| $CAPTURE_FILE
  print -n '<<DONE>>'
  return ret
}
zle -C __capture complete-word __capture
bindkey '^I' __capture
print '<<READY>>'
`;

// Types each line followed by TAB, waits for the widget's marker, prints what it captured, then
// clears the line with ^U. The markers are never typed, so the echo of the input cannot match.
const DRIVER = `
zmodload zsh/zpty || exit 3
zpty z zsh -f -i || exit 4
zpty -w z "source \${(q)SETUP_FILE}"
zpty -r z _ '*<<READY>>*' || exit 5
for line in "$@"; do
  : >| $CAPTURE_FILE
  zpty -w -n z "$line"$'\\t'
  zpty -r z _ '*<<DONE>>*' || exit 6
  print -r -- '<<CASE>>'
  cat $CAPTURE_FILE
  zpty -w -n z $'\\x15'
done
zpty -d z
`;

/** True when a zsh is on PATH to run the zsh completion tests with. */
export function zshAvailable(): boolean {
  return spawnSync('zsh', ['-f', '-c', 'zmodload zsh/zpty'], { stdio: 'ignore' }).status === 0;
}

/**
 * Completes each of `lines` (cursor at the end) in one interactive zsh where `script` is
 * installed as `install` says, in directory `cwd`; returns the sorted distinct matches per line.
 */
export async function completeInZsh(
  script: string,
  lines: string[],
  install: ZshInstall = 'source',
  cwd?: string,
): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'mailpat-zsh-'));
  writeFileSync(join(dir, '_mailpat'), script);
  writeFileSync(join(dir, 'setup.zsh'), SETUP);
  const { stdout } = await promisify(execFile)('zsh', ['-f', '-c', DRIVER, 'zsh', ...lines], {
    cwd,
    timeout: 10_000,
    env: {
      ...process.env,
      INSTALL: install,
      SCRIPT_DIR: dir,
      SETUP_FILE: join(dir, 'setup.zsh'),
      CAPTURE_FILE: join(dir, 'capture'),
    },
  });
  return stdout
    .split('<<CASE>>\n')
    .slice(1)
    .map((block) => [...new Set(block.split('\n').filter((word) => word !== ''))].sort());
}
