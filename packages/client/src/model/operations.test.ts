import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkMailClient } from '../client.js';
import { OPERATIONS } from './operations.js';

const MODEL_PACKAGE = createRequire(import.meta.url).resolve('@mailpat/model/package.json');
const modelFile = (name: string) =>
  JSON.parse(readFileSync(join(dirname(MODEL_PACKAGE), 'src', name), 'utf8')) as {
    metadata: { targetPrefix: string };
    operations: Record<string, unknown>;
  };

describe('the generated operation table', () => {
  it("has exactly the server model's operations, with their X-Amz-Target", () => {
    const expected = Object.fromEntries(
      [modelFile('workmail-model.json'), modelFile('mailpat-extensions.json')].flatMap((model) =>
        Object.keys(model.operations).map((op) => [op, `${model.metadata.targetPrefix}.${op}`]),
      ),
    );
    const actual = Object.fromEntries(Object.entries(OPERATIONS).map(([op, d]) => [op, d.target]));
    expect(actual).toEqual(expected);
    expect(Object.keys(actual)).toHaveLength(26);
  });

  it('has one camelCase client method per operation', () => {
    for (const operation of Object.keys(OPERATIONS)) {
      const method = operation[0]!.toLowerCase() + operation.slice(1);
      expect(typeof (WorkMailClient.prototype as unknown as Record<string, unknown>)[method]).toBe(
        'function',
      );
    }
  });

  it('is what scripts/generate-sources.mjs writes from the current model', () => {
    const script = join(dirname(MODEL_PACKAGE), 'scripts/generate-sources.mjs');
    expect(() =>
      execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});
