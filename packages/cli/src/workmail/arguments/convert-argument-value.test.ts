/**
 * Behaviour of convertArgumentValue on the examples users type, without Python.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { SERVICE_MODEL } from '@mailpat/model';
import { CliUsageError, EXIT_CODES } from '../cli-errors.js';
import { convertArgumentValue } from './convert-argument-value.js';
import type { ParamFileIo } from './param-file.js';
import { TEST_SHAPES } from './test-support/test-shapes.js';

const TOKEN = {
  name: '--personal-access-token-configuration',
  shapeName: 'PersonalAccessTokenConfiguration',
};
const SCOPES = { name: '--scopes', shapeName: 'PersonalAccessTokenScopeList' };
const files: Record<string, string> = { 'config.json': '{"Status": "INACTIVE"}' };
const IO: ParamFileIo = {
  readFile: (path) => {
    if (!Object.hasOwn(files, path)) {
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
        code: 'ENOENT',
      });
    }
    return new TextEncoder().encode(files[path]);
  },
  env: {},
};

const convert = (option: { name: string; shapeName: string }, ...words: string[]) =>
  convertArgumentValue(option, words, SERVICE_MODEL.shapes, IO);

function usageErrorOf(run: () => unknown): CliUsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliUsageError) return error;
    throw error;
  }
  throw new Error('expected a CliUsageError');
}

describe('convertArgumentValue', () => {
  it('converts shorthand members by their model types', () => {
    expect(convert(TOKEN, 'Status=ACTIVE,LifetimeInDays=30')).toEqual({
      Status: 'ACTIVE',
      LifetimeInDays: 30,
    });
  });

  it('reads a value starting with { as JSON, keeping JSON types', () => {
    expect(convert(TOKEN, ' {"Status": "ACTIVE", "LifetimeInDays": "30"}')).toEqual({
      Status: 'ACTIVE',
      LifetimeInDays: '30',
    });
  });

  it('takes each word of a list of strings as one element', () => {
    expect(convert(SCOPES, 'IMAP', 'SMTP')).toEqual(['IMAP', 'SMTP']);
    expect(convert(SCOPES, '["IMAP", "SMTP"]')).toEqual(['IMAP', 'SMTP']);
  });

  it('converts integers with int() semantics', () => {
    expect(convert({ name: '--max-results', shapeName: 'MaxResults' }, ' 1_0 ')).toBe(10);
  });

  it('reports a bad integer with Python message and the usage exit code', () => {
    const error = usageErrorOf(() => convert(TOKEN, 'Status=ACTIVE,LifetimeInDays=x'));
    expect(error.message).toBe("invalid literal for int() with base 10: 'x'");
    expect(error.exitCode).toBe(EXIT_CODES.usage);
  });

  it('reports a shorthand syntax error with a caret under the failing character', () => {
    expect(usageErrorOf(() => convert(TOKEN, 'Status')).message).toBe(
      "Error parsing parameter '--personal-access-token-configuration': Expected: '=', " +
        "received: 'EOF' for input:\nStatus\n      ^",
    );
  });

  it('reports bad JSON with Python json message and the JSON received', () => {
    expect(usageErrorOf(() => convert(TOKEN, '{"Status": ')).message).toBe(
      "Error parsing parameter '--personal-access-token-configuration': Invalid JSON: " +
        'Expecting value: line 1 column 12 (char 11)\nJSON received: {"Status": ',
    );
  });

  it('reads file:// values through the given readFile', () => {
    expect(convert(TOKEN, 'file://config.json')).toEqual({ Status: 'INACTIVE' });
    expect(usageErrorOf(() => convert(TOKEN, 'file://nope')).message).toBe(
      "Error parsing parameter '--personal-access-token-configuration': Unable to load " +
        "paramfile file://nope: [Errno 2] No such file or directory: 'nope'",
    );
  });

  it('returns fileb:// contents as bytes', () => {
    expect(convert({ name: '--name', shapeName: 'String' }, 'fileb://config.json')).toEqual(
      new TextEncoder().encode('{"Status": "INACTIVE"}'),
    );
  });

  it('keeps http(s):// values as text instead of fetching them, as aws CLI v2 does', () => {
    expect(convert({ name: '--name', shapeName: 'String' }, 'https://example.invalid/x')).toBe(
      'https://example.invalid/x',
    );
  });

  it('converts a boolean as unpack_scalar_cli_arg does, though aws takes booleans as flags', () => {
    const flag = { name: '--flag', shapeName: 'TestBoolean' };
    expect(convertArgumentValue(flag, ['FALSE'], TEST_SHAPES)).toBe(false);
    expect(convertArgumentValue(flag, [''], TEST_SHAPES)).toBe(false);
    expect(convertArgumentValue(flag, ['no'], TEST_SHAPES)).toBe(true);
  });

  it('wants exactly one word for an option that is not a list', () => {
    expect(usageErrorOf(() => convert(TOKEN)).message).toBe(
      'argument --personal-access-token-configuration: expected one argument',
    );
  });

  it('treats an unknown shape as a bug, not a usage error', () => {
    expect(() => convert({ name: '--x', shapeName: 'NoSuchShape' }, 'a')).toThrow(
      'arguments: no shape NoSuchShape',
    );
  });
});
