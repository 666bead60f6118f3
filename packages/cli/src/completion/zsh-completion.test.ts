/**
 * Tests of the zsh completion script, run in a real interactive zsh (zsh/zpty).
 * @module
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { skipNotice } from '../../../../test-support/skip-notice.js';
import { buildCompletionScript } from './build-completion-script.js';
import { completeInZsh, zshAvailable } from './test-support/complete-in-zsh.js';
import { buildSampleProgram, LIST_USERS_OPTIONS } from './test-support/sample-program.js';

const HAS_ZSH = zshAvailable();
const SKIP = HAS_ZSH ? '' : ` ${skipNotice('zsh with zsh/zpty', 'apt-get install -y zsh')}`;

// Each line is typed, then TAB, in a real interactive zsh with compinit: one session per install.
const CASES = {
  top: 'mailpat ',
  nested: 'mailpat workmail list-',
  alias: 'mailpat workmail delete-pat --t',
  options: 'mailpat workmail list-users --',
  given: 'mailpat workmail list-users --no-paginate -o json --',
  inheritedGiven: 'mailpat workmail --profile prod list-users --pro',
  variadic: 'mailpat workmail delete-pat --tag a --ta',
  choices: 'mailpat workmail list-users --output ',
  choicesAfterEquals: 'mailpat workmail list-users --output=ta',
  freeValue: 'mailpat workmail list-users --user-id ',
  hiddenValue: 'mailpat --log-level serve ',
  argument: 'mailpat completion ',
  dir: 'mailpat serve --data-dir ',
  file: 'mailpat workmail delete-pat --config=in',
  jsonStart: 'mailpat workmail list-users --cli-input-json ',
  jsonPath: 'mailpat workmail list-users --cli-input-json file://',
};
const FPATH_CASES = { top: 'mailpat ', choices: 'mailpat workmail list-users -o ' };

const bySource: Record<string, string[]> = {};
const byFpath: Record<string, string[]> = {};

beforeAll(async () => {
  if (!HAS_ZSH) return;
  const script = buildCompletionScript('zsh', buildSampleProgram());
  const cwd = mkdtempSync(join(tmpdir(), 'mailpat-zsh-files-'));
  mkdirSync(join(cwd, 'sub'));
  writeFileSync(join(cwd, 'input.json'), '{}');
  const [sourced, autoloaded] = await Promise.all([
    completeInZsh(script, Object.values(CASES), 'source', cwd),
    completeInZsh(script, Object.values(FPATH_CASES), 'fpath', cwd),
  ]);
  Object.keys(CASES).forEach((name, index) => (bySource[name] = sourced[index] ?? []));
  Object.keys(FPATH_CASES).forEach((name, index) => (byFpath[name] = autoloaded[index] ?? []));
});

describe('zsh completion', () => {
  it.skipIf(!HAS_ZSH)(`offers visible commands and nested subcommands${SKIP}`, () => {
    expect(bySource.top).toEqual(['completion', 'seed', 'serve', 'workmail']);
    expect(bySource.nested).toEqual([
      'list-organizations',
      'list-personal-access-tokens',
      'list-users',
    ]);
    expect(bySource.alias).toEqual(['--tag', '--token-id']);
  });

  it.skipIf(!HAS_ZSH)(
    `offers options, inherited ones included, hidden ones left out${SKIP}`,
    () => {
      expect(bySource.options).toEqual(LIST_USERS_OPTIONS);
    },
  );

  it.skipIf(!HAS_ZSH)(`stops offering given options but keeps variadic ones${SKIP}`, () => {
    expect(bySource.given).not.toContain('--paginate');
    expect(bySource.given).not.toContain('--no-paginate');
    expect(bySource.given).not.toContain('--output');
    expect(bySource.given).toContain('--user-id');
    expect(bySource.inheritedGiven).toEqual([]);
    expect(bySource.variadic).toEqual(['--tag']);
  });

  it.skipIf(!HAS_ZSH)(`offers option and argument choices, also after =${SKIP}`, () => {
    expect(bySource.choices).toEqual(['json', 'table', 'text']);
    expect(bySource.choicesAfterEquals).toEqual(['table']);
    expect(bySource.argument).toEqual(['bash', 'zsh']);
  });

  it.skipIf(!HAS_ZSH)(`offers nothing for a free value, skipping hidden ones${SKIP}`, () => {
    expect(bySource.freeValue).toEqual([]);
    expect(bySource.hiddenValue).toEqual(['completion', 'seed', 'serve', 'workmail']);
  });

  it.skipIf(!HAS_ZSH)(`offers directories, files, and paths after file://${SKIP}`, () => {
    expect(bySource.dir).toEqual(['sub']);
    expect(bySource.file).toEqual(['input.json']);
    expect(bySource.jsonStart).toEqual(['file://']);
    expect(bySource.jsonPath).toEqual(['input.json', 'sub']);
  });

  it.skipIf(!HAS_ZSH)(`tells to run compinit when sourced before it${SKIP}`, () => {
    const script = buildCompletionScript('zsh', buildSampleProgram());
    const result = spawnSync('zsh', ['-f', '-c', script], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/autoload -Uz compinit && compinit/);
  });

  it.skipIf(!HAS_ZSH)(`works autoloaded from fpath as _mailpat${SKIP}`, () => {
    expect(byFpath.top).toEqual(['completion', 'seed', 'serve', 'workmail']);
    expect(byFpath.choices).toEqual(['json', 'table', 'text']);
  });
});
