import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVICE_MODEL, findOperation, mergeModels } from './service-model.js';
import type { ModelFile } from './service-model.js';

const PACKAGE_ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const BOTOCORE_MODEL = resolve(PACKAGE_ROOT, 'aws-model/service-2.json');

const SERVED_WORKMAIL_OPERATIONS = [
  'CreateOrganization',
  'DescribeOrganization',
  'ListOrganizations',
  'DeleteOrganization',
  'ListMailDomains',
  'GetMailDomain',
  'CreateUser',
  'DescribeUser',
  'ListUsers',
  'UpdateUser',
  'DeleteUser',
  'RegisterToWorkMail',
  'DeregisterFromWorkMail',
  'ResetPassword',
  'PutIdentityProviderConfiguration',
  'DescribeIdentityProviderConfiguration',
  'DeleteIdentityProviderConfiguration',
  'ListPersonalAccessTokens',
  'GetPersonalAccessTokenMetadata',
  'DeletePersonalAccessToken',
];

describe('SERVICE_MODEL', () => {
  it('serves exactly the contract operations of both services', () => {
    expect(Object.keys(SERVICE_MODEL.services.WorkMailService.operations).sort()).toEqual(
      [...SERVED_WORKMAIL_OPERATIONS].sort(),
    );
    expect(Object.keys(SERVICE_MODEL.services.MailpatService.operations).sort()).toEqual([
      'CreatePersonalAccessToken',
      'DeleteOpenIdConnectConfiguration',
      'DescribeOpenIdConnectConfiguration',
      'ListPersonalAccessTokenEvents',
      'PutOpenIdConnectConfiguration',
      'RotatePersonalAccessToken',
    ]);
  });

  it('keeps the constraints and drops the documentation', () => {
    expect(SERVICE_MODEL.shapes.MaxResults).toEqual({
      box: true,
      max: 100,
      min: 1,
      type: 'integer',
    });
    expect(JSON.stringify(SERVICE_MODEL)).not.toContain('documentation');
  });

  it('reuses WorkMail shapes in the extension operations', () => {
    const create = SERVICE_MODEL.shapes.CreatePersonalAccessTokenRequest;
    expect(create?.required).toEqual(['OrganizationId', 'UserId', 'Name']);
    expect(create?.members?.Name?.shape).toBe('PersonalAccessTokenName');
    expect(create?.members?.ExpiresInDays?.shape).toBe('PersonalAccessTokenLifetimeInDays');
    expect(SERVICE_MODEL.shapes.PersonalAccessTokenSecret?.sensitive).toBe(true);
  });

  it('refuses a merge that defines a shape twice or refers to a missing one', () => {
    const base: ModelFile = {
      metadata: { targetPrefix: 'A' },
      operations: {},
      shapes: { S: { type: 'string' } },
    };
    expect(() => mergeModels(base, base)).toThrow(/defined twice/);
    const dangling: ModelFile = {
      metadata: { targetPrefix: 'B' },
      operations: {},
      shapes: { L: { type: 'list', member: { shape: 'Missing' } } },
    };
    expect(() => mergeModels(base, dangling)).toThrow(/undefined shape Missing/);
  });
});

describe('findOperation', () => {
  it('resolves a WorkMail target to its shapes', () => {
    expect(findOperation('WorkMailService.ListPersonalAccessTokens')).toEqual({
      service: 'WorkMailService',
      name: 'ListPersonalAccessTokens',
      inputShape: 'ListPersonalAccessTokensRequest',
      outputShape: 'ListPersonalAccessTokensResponse',
    });
  });

  it('resolves a Mailpat extension target', () => {
    expect(findOperation('MailpatService.RotatePersonalAccessToken')?.inputShape).toBe(
      'RotatePersonalAccessTokenRequest',
    );
  });

  it.each([
    'ListPersonalAccessTokens',
    'WorkMailService.',
    'WorkMailService.CreateGroup',
    'WorkMailService.toString',
    'MailpatService.ListPersonalAccessTokens',
    'OtherService.ListPersonalAccessTokens',
    'WorkMailService.ListPersonalAccessTokens.Extra',
  ])('answers undefined for %s', (target) => {
    expect(findOperation(target)).toBeUndefined();
  });
});

describe('scripts/extract-model.mjs', () => {
  it('adds MailDomainInUseException to CreateOrganization, as RegisterMailDomain lists it', () => {
    const errors = SERVICE_MODEL.services.WorkMailService.operations.CreateOrganization?.errors;
    expect(errors).toContain('MailDomainInUseException');
    expect(SERVICE_MODEL.shapes.MailDomainInUseException).toMatchObject({ exception: true });
  });

  it('regenerates the committed workmail-model.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailpat-model-'));
    try {
      const out = join(dir, 'model.json');
      const script = resolve(PACKAGE_ROOT, 'scripts/extract-model.mjs');
      execFileSync(process.execPath, [script, BOTOCORE_MODEL, out], { stdio: 'pipe' });
      const committed = readFileSync(resolve(PACKAGE_ROOT, 'src/workmail-model.json'));
      expect(readFileSync(out, 'utf8')).toBe(committed.toString('utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
