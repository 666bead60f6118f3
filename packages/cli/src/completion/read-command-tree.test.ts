/**
 * Tests of reading a commander program into the completion tree.
 * @module
 */
import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { readCommandTree } from './read-command-tree.js';
import { buildSampleProgram } from './test-support/sample-program.js';

describe('readCommandTree', () => {
  it('numbers the root 0 and leaves hidden commands and the implicit help command out', () => {
    const tree = readCommandTree(buildSampleProgram());
    expect(tree.name).toBe('mailpat');
    expect(tree.nodes[0]?.subcommands.map((sub) => sub.names)).toEqual([
      ['serve'],
      ['seed'],
      ['completion'],
      ['workmail'],
    ]);
  });

  it('recognises hidden options but never offers them', () => {
    const tree = readCommandTree(buildSampleProgram());
    const root = tree.nodes[0]!;
    const logLevel = root.options.find((option) => option.flags.includes('--log-level'));
    expect(logLevel).toMatchObject({ offered: undefined, arity: 'required' });
  });

  it('gives a --x/--no-x pair one key, so either one given excludes both', () => {
    const program = new Command('p').option('--paginate').option('--no-paginate');
    const [on, off] = readCommandTree(program).nodes[0]!.options;
    expect(on?.key).toBe(off?.key);
    expect(off?.offered).toBe('--no-paginate');
  });

  it('lets an ancestor keep a flag a subcommand also defines, as commander parses it first', () => {
    const program = new Command('p').option('--output <format>');
    program.command('sub').addOption(new Option('-o, --output <fmt>').choices(['json']));
    const sub = readCommandTree(program).nodes[1]!;
    const outputs = sub.options.filter((option) => option.flags.some((f) => f.includes('o')));
    expect(outputs.map((option) => [option.flags, option.offered, option.value?.kind])).toEqual([
      [['--output'], '--output', 'free'],
      [['-o'], '-o', 'choice'],
    ]);
  });

  it('classifies values: choices, <file>, <dir>, JSON, free', () => {
    const program = new Command('p')
      .addOption(new Option('--format <f>').choices(['a', 'b']))
      .option('--config <config-file>')
      .option('--data-dir <dir>')
      .option('--cli-input-json <value>')
      .option('--name [name]')
      .option('--tags <tags...>');
    const options = readCommandTree(program).nodes[0]!.options;
    const kinds = options.map((option) => [option.offered, option.value?.kind ?? 'none']);
    expect(kinds).toEqual([
      ['--format', 'choice'],
      ['--config', 'file'],
      ['--data-dir', 'dir'],
      ['--cli-input-json', 'json'],
      ['--name', 'free'],
      ['--tags', 'free'],
      ['--help', 'none'],
    ]);
    expect(options.find((option) => option.offered === '--tags')?.repeatable).toBe(true);
    expect(options.find((option) => option.offered === '--name')?.arity).toBe('optional');
  });
});
