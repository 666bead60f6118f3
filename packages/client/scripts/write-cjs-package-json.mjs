#!/usr/bin/env node
/**
 * Marks the CommonJS build as CommonJS: writes `dist/cjs/package.json` = `{"type":"commonjs"}`,
 * since the package itself is `"type": "module"`. Run after `tsc -p tsconfig.cjs.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/cjs/package.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
