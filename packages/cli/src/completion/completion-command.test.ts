/**
 * Tests of `mailpat completion <shell>`.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildCompletionScript } from './build-completion-script.js';
import { registerCompletionCommand } from './completion-command.js';

function captureStdout(): { stdout: PassThrough; text: () => string } {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stdout, text: () => text };
}

function programWithCompletion(io: { stdout: NodeJS.WritableStream }): Command {
  const program = new Command('mailpat')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  registerCompletionCommand(program, io);
  // Registered after `completion`: the script must still know it.
  program.command('workmail').command('list-users').option('--user-id <id>');
  return program;
}

describe('mailpat completion', () => {
  it('prints the bash script for the whole program, commands added later included', async () => {
    const io = captureStdout();
    const program = programWithCompletion(io);
    await program.parseAsync(['completion', 'bash'], { from: 'user' });
    expect(io.text()).toBe(buildCompletionScript('bash', program));
    expect(io.text()).toContain("'3 --user-id'");
    expect(io.text()).toMatch(/^complete -F _mailpat 'mailpat'$/m);
    execFileSync('/usr/bin/bash', ['-n'], { input: io.text() });
  });

  it('prints the zsh script with its #compdef line', async () => {
    const io = captureStdout();
    const program = programWithCompletion(io);
    await program.parseAsync(['completion', 'zsh'], { from: 'user' });
    expect(io.text().split('\n')[0]).toBe('#compdef mailpat');
    expect(io.text()).toContain("'2 list-users') child=3");
  });

  it('rejects a shell other than bash or zsh as a usage error', async () => {
    const io = captureStdout();
    const program = programWithCompletion(io);
    const parsing = program.parseAsync(['completion', 'fish'], { from: 'user' });
    await expect(parsing).rejects.toBeInstanceOf(CommanderError);
    await expect(parsing).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    expect(io.text()).toBe('');
  });
});
