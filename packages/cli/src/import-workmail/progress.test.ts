import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, SILENT_PROGRESS } from './progress.js';

function stream(isTTY: boolean): PassThrough & { isTTY: boolean; text(): string } {
  const chunks: string[] = [];
  const out = Object.assign(new PassThrough(), { isTTY, text: () => chunks.join('') });
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return out;
}

describe('createProgress', () => {
  it('draws a bar with the step, count and total on a terminal', () => {
    const out = stream(true);
    const progress = createProgress(out);
    progress.start('Writing users', 4);
    progress.increment();
    progress.increment();
    progress.stop();
    expect(out.text()).toContain('Writing users');
    expect(out.text()).toContain('2/4 50%');
  });

  it('stays silent on a pipe or a file', () => {
    expect(createProgress(stream(false))).toBe(SILENT_PROGRESS);
  });
});
