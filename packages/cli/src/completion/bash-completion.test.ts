/**
 * Tests of the bash completion script, run in the real bash.
 * @module
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCompletionScript } from './build-completion-script.js';
import { completeInBash, splitLikeBash } from './test-support/complete-in-bash.js';
import { buildSampleProgram, LIST_USERS_OPTIONS } from './test-support/sample-program.js';

let scriptPath: string;
let filesDir: string;

/** The candidates real bash offers for `line`, sorted (readline sorts them for display too). */
function complete(line: string): string[] {
  return completeInBash(scriptPath, line, { cwd: filesDir }).candidates.sort();
}

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'mailpat-bash-'));
  scriptPath = join(dir, 'mailpat.bash');
  writeFileSync(scriptPath, buildCompletionScript('bash', buildSampleProgram()));
  filesDir = join(dir, 'files');
  mkdirSync(join(filesDir, 'sub'), { recursive: true });
  writeFileSync(join(filesDir, 'input.json'), '{}');
});

describe('bash completion', () => {
  it('splits test lines as interactive bash does', () => {
    expect(splitLikeBash('mailpat --output=js')).toEqual(['mailpat', '--output', '=', 'js']);
    expect(splitLikeBash('a --x file://p')).toEqual(['a', '--x', 'file', ':', '//p']);
    expect(splitLikeBash('mailpat ')).toEqual(['mailpat', '']);
  });

  it('offers the visible top-level commands, not hidden ones', () => {
    expect(complete('mailpat ')).toEqual(['completion', 'seed', 'serve', 'workmail']);
    expect(complete('mailpat se')).toEqual(['seed', 'serve']);
  });

  it('completes the part of the word before the cursor', () => {
    const line = 'mailpat serxx --help';
    const result = completeInBash(scriptPath, line, { point: 'mailpat se'.length });
    expect(result.candidates.sort()).toEqual(['seed', 'serve']);
  });

  it('offers nested subcommands that start with the word', () => {
    expect(complete('mailpat workmail list-')).toEqual([
      'list-organizations',
      'list-personal-access-tokens',
      'list-users',
    ]);
  });

  it('enters a subcommand by its alias', () => {
    expect(complete('mailpat workmail delete-pat --t')).toEqual(['--tag', '--token-id']);
  });

  it("offers a command's options, inherited ones included, hidden ones left out", () => {
    expect(complete('mailpat workmail list-users --')).toEqual(LIST_USERS_OPTIONS);
    expect(complete('mailpat workmail list-users --debug')).toEqual([]);
  });

  it('offers the options after a leaf command with nothing positional left', () => {
    expect(complete('mailpat workmail list-users ')).toEqual(LIST_USERS_OPTIONS);
  });

  it('stops offering an option once given, by any spelling, and its --no- twin', () => {
    const offered = complete('mailpat workmail list-users --no-paginate -o json --');
    expect(offered).not.toContain('--paginate');
    expect(offered).not.toContain('--no-paginate');
    expect(offered).not.toContain('--output');
    expect(offered).toContain('--user-id');
    expect(complete('mailpat workmail --profile prod list-users --pro')).toEqual([]);
  });

  it('keeps offering a variadic option, which may be given again', () => {
    expect(complete('mailpat workmail delete-pat --tag a --ta')).toEqual(['--tag']);
  });

  it('offers the choices after an option that has them, by either spelling', () => {
    expect(complete('mailpat workmail list-users --output ')).toEqual(['json', 'table', 'text']);
    expect(complete('mailpat workmail list-users -o t')).toEqual(['table', 'text']);
  });

  it('completes the value after --option= relative to the =, as readline replaces it', () => {
    expect(complete('mailpat workmail list-users --output=ta')).toEqual(['table']);
    expect(complete('mailpat workmail list-users --output=')).toEqual(['json', 'table', 'text']);
  });

  it('offers nothing after an option that takes a free value', () => {
    expect(complete('mailpat workmail list-users --user-id ')).toEqual([]);
    expect(complete('mailpat workmail --profile list-')).toEqual([]);
    expect(complete('mailpat workmail delete-pat --tag a b ')).toEqual([]);
  });

  it('skips the value of a hidden option when walking the words', () => {
    // Were --log-level taken for a flag, `serve` would be entered and its options offered.
    expect(complete('mailpat --log-level serve ')).toEqual([
      'completion',
      'seed',
      'serve',
      'workmail',
    ]);
  });

  it("offers a positional argument's choices", () => {
    expect(complete('mailpat completion ')).toEqual(['bash', 'zsh']);
    expect(complete('mailpat completion z')).toEqual(['zsh']);
  });

  it('offers directories after a <dir> option, letting readline mark them', () => {
    const result = completeInBash(scriptPath, 'mailpat serve --data-dir ', { cwd: filesDir });
    expect(result.candidates).toEqual(['sub']);
    expect(result.compopt).toContain('-o filenames');
  });

  it('offers files after a <file> option, also after --option=', () => {
    expect(complete('mailpat workmail delete-pat --config ')).toEqual(['input.json', 'sub']);
    expect(complete('mailpat workmail delete-pat --config=in')).toEqual(['input.json']);
  });

  it('offers file:// for a JSON option, then the paths after it', () => {
    const start = completeInBash(scriptPath, 'mailpat workmail list-users --cli-input-json ');
    expect(start.candidates).toEqual(['file://']);
    expect(start.compopt).toContain('-o nospace');
    // Readline replaces the text after the last ':' of the word, so candidates start there.
    expect(complete('mailpat workmail list-users --cli-input-json file://')).toEqual([
      '//input.json',
      '//sub/',
    ]);
    expect(complete('mailpat workmail list-users --cli-input-json file://i')).toEqual([
      '//input.json',
    ]);
    expect(complete('mailpat workmail list-users --cli-input-json {')).toEqual([]);
  });

  it('offers only positional values after --', () => {
    expect(complete('mailpat completion -- ')).toEqual(['bash', 'zsh']);
    expect(complete('mailpat completion -- -')).toEqual([]);
  });

  it('keeps choices with spaces and quotes whole', () => {
    const program = new Command('mailpat').addOption(
      new Option('--sort <order>').choices(["it's late", 'a$b', 'plain']),
    );
    const dir = mkdtempSync(join(tmpdir(), 'mailpat-bash-quotes-'));
    const path = join(dir, 'mailpat.bash');
    writeFileSync(path, buildCompletionScript('bash', program));
    expect(completeInBash(path, 'mailpat --sort ').candidates.sort()).toEqual([
      'a$b',
      "it's late",
      'plain',
    ]);
  });
});
