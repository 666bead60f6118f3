#!/usr/bin/env node
/**
 * Generates every model-driven source from the API model the server serves
 * (src/workmail-model.json + src/mailpat-extensions.json), in one run:
 *
 * - packages/model/src/generated/wire-types.ts: the server's wire input types;
 * - packages/client/src/types/*.ts: the client's input/output interfaces (`Date` timestamps);
 * - packages/client/src/model/operations.ts and timestamp-members.ts: its operation table;
 * - packages/client/src/errors/<error>.ts and error-classes.ts: one class per error code.
 *
 * The output is committed. Usage: `node packages/model/scripts/generate-sources.mjs [--check]`;
 * `--check` writes nothing and exits 1 when a committed file differs from what it would write.
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import * as prettier from 'prettier';
import { renderClientSources } from './generator/client-sources.mjs';
import { MODEL_ROOT } from './generator/served-model.mjs';
import { renderWireTypes } from './generator/wire-types.mjs';

const MODEL_SRC = resolve(MODEL_ROOT, 'src');
const CLIENT_SRC = resolve(MODEL_ROOT, '../client/src');

/** Every generated file, by absolute path. */
function renderAll() {
  const files = new Map([[resolve(MODEL_SRC, 'generated/wire-types.ts'), renderWireTypes()]]);
  for (const [path, text] of renderClientSources()) files.set(resolve(CLIENT_SRC, path), text);
  return files;
}

async function main() {
  const check = process.argv.includes('--check');
  const options = await prettier.resolveConfig(resolve(MODEL_SRC, 'index.ts'));
  let stale = 0;
  for (const [target, text] of renderAll()) {
    const formatted = await prettier.format(text, { ...options, filepath: target });
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === formatted) continue;
    stale++;
    if (check) console.error(`stale: ${relative(process.cwd(), target)}`);
    else writeFileSync(target, formatted);
  }
  if (check && stale > 0) process.exitCode = 1;
  else console.log(check ? 'generated sources are up to date' : `wrote ${stale} file(s)`);
}

await main();
