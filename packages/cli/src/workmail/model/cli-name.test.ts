import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVICE_MODEL } from '@mailpat/model';
import { toCliName } from './cli-name.js';

const operationNames = Object.values(SERVICE_MODEL.services).flatMap((service) =>
  Object.keys(service.operations),
);
const memberNames = Object.values(SERVICE_MODEL.shapes).flatMap((shape) =>
  Object.keys(shape.members ?? {}),
);
const names = [...new Set([...operationNames, ...memberNames, 'ListARNs', 'DNSName', 'already-x'])];

describe('toCliName', () => {
  it("spells every operation and member name as botocore's xform_name does", () => {
    const script =
      'import json,sys\nfrom botocore import xform_name\n' +
      "print(json.dumps([xform_name(n, '-') for n in json.load(sys.stdin)]))";
    const expected = JSON.parse(
      execFileSync('python3', ['-c', script], { input: JSON.stringify(names) }).toString(),
    ) as string[];
    expect(names.map(toCliName)).toEqual(expected);
  });
  it('keeps the names the aws CLI users type', () => {
    expect(toCliName('ListPersonalAccessTokens')).toBe('list-personal-access-tokens');
    expect(toCliName('RegisterToWorkMail')).toBe('register-to-work-mail');
    expect(toCliName('ListARNs')).toBe('list-arns');
  });
});
