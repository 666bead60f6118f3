/**
 * The CommonJS build (tsconfig.cjs.json -> dist/cjs) loads with `require` in plain Node and talks
 * to a real `mailpat serve`; its errors are recognised by the ESM build's classes.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailpatProcess } from '../../../server/test/support/mailpat-process.js';
import { startMailpat } from '../../../server/test/support/mailpat-process.js';
import * as esm from '../../src/index.js';
import * as esmPython from '../../src/python/index.js';

const require = createRequire(import.meta.url);
const CLIENT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CJS_ENTRY = fileURLToPath(new URL('../../dist/cjs/index.js', import.meta.url));

let server: MailpatProcess;

beforeAll(async () => {
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.cjs.json'], { cwd: CLIENT_ROOT });
  } catch (error) {
    const { stdout } = error as { stdout?: Buffer };
    throw new Error(`tsc -p tsconfig.cjs.json failed:\n${stdout?.toString() ?? error}`, {
      cause: error,
    });
  }
  execFileSync(process.execPath, ['scripts/write-cjs-package-json.mjs'], { cwd: CLIENT_ROOT });
  server = await startMailpat();
});
afterAll(async () => {
  if (server) expect(await server.stop()).toBe(0);
});

/** Runs a CommonJS script in a fresh `node` and returns its JSON stdout. */
function runCommonJs(script: string): unknown {
  const stdout = execFileSync(process.execPath, ['-e', script], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: server.accessKeyId,
      AWS_SECRET_ACCESS_KEY: server.secretAccessKey,
      MAILPAT_URL: server.url,
      CJS_ENTRY,
    },
  });
  return JSON.parse(stdout.toString());
}

describe('the CommonJS build', () => {
  it('loads with require() and calls the server', () => {
    const result = runCommonJs(`
      const { WorkMailClient, OrganizationNotFoundException } = require(process.env.CJS_ENTRY);
      (async () => {
        const client = new WorkMailClient({ endpoint: process.env.MAILPAT_URL });
        const { OrganizationId } = await client.createOrganization({ Alias: 'cjs-' + Date.now() });
        const described = await client.describeOrganization({ OrganizationId });
        const error = await client
          .describeOrganization({ OrganizationId: 'm-' + '0'.repeat(32) })
          .catch((e) => e);
        console.log(JSON.stringify({
          loadedByRequire: Object.keys(require.cache).some((p) => p.endsWith('client.js')),
          state: described.State,
          completedIsDate: described.CompletedDate instanceof Date,
          status: described.$metadata.httpStatusCode,
          errorName: error.name,
          errorIsClass: error instanceof OrganizationNotFoundException,
        }));
      })().catch((e) => { console.error(e); process.exit(1); });
    `);
    expect(result).toEqual({
      loadedByRequire: true,
      state: 'Active',
      completedIsDate: true,
      status: 200,
      errorName: 'OrganizationNotFoundException',
      errorIsClass: true,
    });
  });

  it("exports the same names as the ESM build, and each build's errors match the other's classes", () => {
    const cjs = require(CJS_ENTRY) as typeof esm;
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    const fromCjs = new cjs.EntityNotFoundException({ message: 'm', $metadata: {} });
    expect(fromCjs).toBeInstanceOf(esm.EntityNotFoundException);
    expect(fromCjs).toBeInstanceOf(esm.WorkMailServiceException);
    expect(fromCjs).not.toBeInstanceOf(esm.EntityStateException);
    const fromEsm = new esm.InvalidParameterException({ message: 'm', $metadata: {} });
    expect(fromEsm).toBeInstanceOf(cjs.InvalidParameterException);
  });

  it('serves the @mailpat/client/python subpath to require() with the ESM names', () => {
    const cjsPython = require('@mailpat/client/python') as typeof esmPython;
    expect(require.resolve('@mailpat/client/python')).toMatch(/dist[\\/]cjs[\\/]python/);
    expect(Object.keys(cjsPython).sort()).toEqual(Object.keys(esmPython).sort());
    expect(cjsPython.pyRepr({ NextToken: "it's" })).toBe(`{'NextToken': "it's"}`);
  });
});
