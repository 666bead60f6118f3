/**
 * Paramfile loading against awscli.paramfile and the --cli-input-json error.
 * @module
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliUsageError } from '../cli-errors.js';
import { getParamFile } from './param-file.js';
import type { ParamFileIo } from './param-file.js';
import { readParamFile } from './read-param-file.js';
import {
  comparable,
  expectedOf,
  outcomeOf,
  runAwsCliOracle,
} from './test-support/aws-cli-oracle.js';
import type { OracleResult } from './test-support/aws-cli-oracle.js';

const DIR = mkdtempSync(join(tmpdir(), 'mailpat-paramfile-'));
writeFileSync(join(DIR, 'input.json'), '{"OrganizationId": "m-1"}\r\n');
writeFileSync(join(DIR, 'cr.txt'), 'a\rb\r\n\nc');
writeFileSync(join(DIR, 'bom.txt'), '\ufeffBOM');
writeFileSync(join(DIR, 'bytes.bin'), Buffer.from([0, 1, 0xfe, 0xff]));
writeFileSync(join(DIR, 'bad-utf8.txt'), Buffer.from([0x61, 0xc3, 0x28]));
writeFileSync(join(DIR, "quote's.txt"), 'quoted');
mkdirSync(join(DIR, 'folder'));
const ENV = { HOME: DIR, MAILPAT_PARAMFILE_DIR: DIR };
const IO: ParamFileIo = {
  readFile: (path) => readFileSync(path === '' ? path : resolve(DIR, path)),
  env: ENV,
};

const VALUES = [
  'file://input.json',
  'file://cr.txt',
  'file://bom.txt',
  'fileb://bytes.bin',
  'fileb://input.json',
  'file://bad-utf8.txt',
  "file://quote's.txt",
  'file://nope.json',
  'fileb://nope.bin',
  'file://folder',
  'file://',
  'file://~/input.json',
  'file://$MAILPAT_PARAMFILE_DIR/input.json',
  'file://${MAILPAT_PARAMFILE_DIR}/input.json',
  'file://$NOT_SET_ANYWHERE/input.json',
  'file://~nosuchuser/input.json',
  '{"OrganizationId": "m-1"}',
  'http://127.0.0.1:9/input.json',
  'File://input.json',
  ' file://input.json',
];

let answers: OracleResult[] = [];
let cliInputJson: OracleResult | undefined;

beforeAll(() => {
  const context = { cwd: DIR, env: ENV };
  answers = runAwsCliOracle(
    VALUES.map((text) => ({ kind: 'paramfile' as const, text })),
    context,
  );
  [cliInputJson] = runAwsCliOracle(
    [
      {
        option: '--cli-input-json',
        shape: 'unused',
        values: ['file://nope.json'],
        operation: 'list-users',
      },
    ],
    context,
  );
});

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('getParamFile', () => {
  describe('loads as awscli.paramfile.get_paramfile does (contents, none, or message)', () => {
    VALUES.forEach((value, index) => {
      it(JSON.stringify(value), () => {
        const ours = outcomeOf(() => getParamFile(value, IO) ?? null);
        expect(comparable(ours)).toEqual(expectedOf(answers[index] as OracleResult));
      });
    });
  });

  it('does not fetch http(s) URLs, as aws CLI v2 does not', () => {
    const readFile = () => {
      throw new Error('no file should be read');
    };
    expect(getParamFile('https://example.invalid/x', { readFile })).toBeUndefined();
  });
});

describe('readParamFile', () => {
  it('reports an unreadable --cli-input-json file as aws does', () => {
    const ours = outcomeOf(() => readParamFile('--cli-input-json', 'file://nope.json', IO));
    expect(cliInputJson).toBeDefined();
    expect(comparable(ours)).toEqual(expectedOf(cliInputJson as OracleResult));
    expect(() => readParamFile('--cli-input-json', 'file://nope.json', IO)).toThrow(CliUsageError);
  });

  it('returns the text of file://, the bytes of fileb:// and undefined otherwise', () => {
    expect(readParamFile('--cli-input-json', 'file://input.json', IO)).toBe(
      '{"OrganizationId": "m-1"}\n',
    );
    expect(readParamFile('--x', 'fileb://bytes.bin', IO)).toEqual(new Uint8Array([0, 1, 254, 255]));
    expect(readParamFile('--cli-input-json', '{"a": 1}', IO)).toBeUndefined();
  });
});
