import { describe, expect, it } from 'vitest';
import { InvalidParameterException, SerializationException } from '../errors/index.js';
import { createInputValidator, validateInput } from './validate-input.js';

const ORG = 'm-0123456789abcdef0123456789abcdef';

/** The error validateInput throws, or undefined when it accepts the input. */
function errorOf(shape: string, input: unknown): Error | undefined {
  try {
    validateInput(shape, input);
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

function expectInvalid(shape: string, input: unknown, message: string): void {
  const error = errorOf(shape, input);
  expect(error).toBeInstanceOf(InvalidParameterException);
  expect(error?.message).toBe(message);
}

function expectUnreadable(shape: string, input: unknown, message: RegExp): void {
  const error = errorOf(shape, input);
  expect(error).toBeInstanceOf(SerializationException);
  expect(error?.message).toMatch(message);
}

const list = 'ListPersonalAccessTokensRequest';
const create = 'CreatePersonalAccessTokenRequest';
const put = 'PutIdentityProviderConfigurationRequest';

describe('validateInput', () => {
  it('accepts a valid ListPersonalAccessTokens input', () => {
    const input = { OrganizationId: ORG, UserId: 'alice@example.com', MaxResults: 100 };
    expect(errorOf(list, { ...input, NextToken: 'abc+/=' })).toBeUndefined();
  });

  it('rejects MaxResults 101 naming the field', () => {
    expectInvalid(
      list,
      { OrganizationId: ORG, MaxResults: 101 },
      "1 validation error detected: Value '101' at 'MaxResults' failed to satisfy constraint: " +
        'Member must have value less than or equal to 100',
    );
  });

  it('rejects NUL in a free-text member, which PostgreSQL cannot store', () => {
    const update = { OrganizationId: ORG, UserId: 'alice@example.com', DisplayName: 'a\u0000b' };
    expect(errorOf('UpdateUserRequest', update)?.message).toContain(
      "at 'DisplayName' failed to satisfy constraint: " +
        'Member must not contain the NUL character (U+0000)',
    );
    expect(errorOf('UpdateUserRequest', { ...update, DisplayName: 'ab' })).toBeUndefined();
  });

  it('rejects MaxResults 0 with the lower bound', () => {
    expect(errorOf(list, { OrganizationId: ORG, MaxResults: 0 })?.message).toContain(
      "Value '0' at 'MaxResults' failed to satisfy constraint: " +
        'Member must have value greater than or equal to 1',
    );
  });

  it('reports a missing required member as null', () => {
    expectInvalid(
      list,
      {},
      "1 validation error detected: Value null at 'OrganizationId' failed to satisfy " +
        'constraint: Member must not be null',
    );
  });

  it('treats a null member as absent', () => {
    expect(errorOf(list, { OrganizationId: null })).toBeInstanceOf(InvalidParameterException);
    expect(errorOf(list, { OrganizationId: ORG, UserId: null, MaxResults: null })).toBeUndefined();
  });
  it('deletes null members so that handlers see them as absent', () => {
    const input = { OrganizationId: ORG, UserId: null, MaxResults: null };
    validateInput(list, input);
    expect(input).toEqual({ OrganizationId: ORG });
  });

  it('ignores unknown members', () => {
    expect(errorOf(list, { OrganizationId: ORG, Surprise: { deep: [1] } })).toBeUndefined();
  });

  it('does not take members from the object prototype', () => {
    const input = Object.create({ OrganizationId: ORG }) as object;
    expect(errorOf(list, input)).toBeInstanceOf(InvalidParameterException);
  });

  it('reports every violation, pattern before length, with the count', () => {
    expectInvalid(
      list,
      { OrganizationId: 'm-123', MaxResults: 500 },
      '3 validation errors detected: ' +
        "Value 'm-123' at 'OrganizationId' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: ^m-[0-9a-f]{32}$; ' +
        "Value 'm-123' at 'OrganizationId' failed to satisfy constraint: " +
        'Member must have length greater than or equal to 34; ' +
        "Value '500' at 'MaxResults' failed to satisfy constraint: " +
        'Member must have value less than or equal to 100',
    );
  });

  it('accepts a name of 64 characters and rejects 65', () => {
    const input = { OrganizationId: ORG, UserId: 'alice' };
    expect(errorOf(create, { ...input, Name: 'n'.repeat(64) })).toBeUndefined();
    expectInvalid(
      create,
      { ...input, Name: 'n'.repeat(65) },
      `1 validation error detected: Value '${'n'.repeat(64)}...' at 'Name' failed to satisfy ` +
        'constraint: Member must have length less than or equal to 64',
    );
  });

  it('rejects an empty name with the minimum length and the pattern', () => {
    const error = errorOf(create, { OrganizationId: ORG, UserId: 'alice', Name: '' });
    expect(error?.message).toMatch(/^2 validation errors detected: /);
    expect(error?.message).toContain('Member must have length greater than or equal to 1');
  });

  it('rejects a name containing < through the whole-value pattern', () => {
    expectInvalid(
      create,
      { OrganizationId: ORG, UserId: 'alice', Name: 'a<b' },
      "1 validation error detected: Value 'a<b' at 'Name' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [^\\x00-\\x1F\\x7F\\x3C\\x3E\\x5C]+',
    );
  });

  it('names list items by their 1-based position', () => {
    const input = { OrganizationId: ORG, UserId: 'alice', Name: 'n' };
    expectInvalid(
      create,
      { ...input, Scopes: ['IMAP', 'bad\u0000scope'] },
      "1 validation error detected: Value 'bad\u0000scope' at 'Scopes.2' failed to satisfy " +
        'constraint: Member must satisfy regular expression pattern: ' +
        '[^\\x00-\\x1F\\x7F\\x3C\\x3E\\x5C]+',
    );
    expect(errorOf(create, { ...input, Scopes: ['IMAP', null] })?.message).toContain(
      "Value null at 'Scopes.2' failed to satisfy constraint: Member must not be null",
    );
  });

  it('checks list length and echoes the list', () => {
    const input = { OrganizationId: ORG, UserId: 'alice', Name: 'n' };
    expect(errorOf(create, { ...input, Scopes: [] })?.message).toBe(
      "1 validation error detected: Value '[]' at 'Scopes' failed to satisfy constraint: " +
        'Member must have length greater than or equal to 1',
    );
    const eleven = Array.from({ length: 11 }, (_, i) => `s${i}`);
    expect(errorOf(create, { ...input, Scopes: eleven })?.message).toContain(
      "Value '[s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10]' at 'Scopes' failed to satisfy " +
        'constraint: Member must have length less than or equal to 10',
    );
  });

  it('checks ExpiresInDays against 1..3653', () => {
    const input = { OrganizationId: ORG, UserId: 'alice', Name: 'n' };
    expect(errorOf(create, { ...input, ExpiresInDays: 3653 })).toBeUndefined();
    expect(errorOf(create, { ...input, ExpiresInDays: 3654 })?.message).toContain(
      "Value '3654' at 'ExpiresInDays'",
    );
  });

  it('names nested structure members by their dotted path, enum values listed', () => {
    const input = {
      OrganizationId: ORG,
      AuthenticationMode: 'IDENTITY_PROVIDER_ONLY',
      IdentityCenterConfiguration: {
        InstanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
        ApplicationArn:
          'arn:aws:sso::012345678901:application/ssoins-0123456789abcdef/apl-0123456789abcdef',
      },
      PersonalAccessTokenConfiguration: { Status: 'ON', LifetimeInDays: 30 },
    };
    expect(
      errorOf(put, { ...input, PersonalAccessTokenConfiguration: { Status: 'ACTIVE' } }),
    ).toBeUndefined();
    expectInvalid(
      put,
      input,
      "1 validation error detected: Value 'ON' at 'PersonalAccessTokenConfiguration.Status' " +
        'failed to satisfy constraint: Member must satisfy enum value set: [ACTIVE, INACTIVE]',
    );
    expect(errorOf(put, { ...input, PersonalAccessTokenConfiguration: {} })?.message).toContain(
      "Value null at 'PersonalAccessTokenConfiguration.Status'",
    );
  });

  it('never echoes a sensitive value', () => {
    const secret = 'hunter2\u0001';
    const error = errorOf('ResetPasswordRequest', {
      OrganizationId: ORG,
      UserId: '0123456789ab',
      Password: secret,
    });
    expect(error?.message).toBe(
      "1 validation error detected: Value '***' at 'Password' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [\\u0020-\\u00FF]+',
    );
    expect(error?.message).not.toContain('hunter2');
  });

  it('counts length in UTF-16 units, as Java does', () => {
    const input = { OrganizationId: ORG, UserId: 'alice' };
    expect(errorOf(create, { ...input, Name: '😀'.repeat(32) })).toBeUndefined();
    expect(errorOf(create, { ...input, Name: '😀'.repeat(33) })).toBeInstanceOf(
      InvalidParameterException,
    );
  });

  it('spells out at most 100 violations but counts them all', () => {
    const input = { OrganizationId: ORG, UserId: 'alice', Name: 'n' };
    const message = errorOf(create, { ...input, Scopes: Array(150).fill('') })?.message ?? '';
    expect(message).toMatch(/^301 validation errors detected: /);
    expect(message).toMatch(/; and 201 more$/);
  });
});

describe('validateInput type checks', () => {
  it.each([null, [], 'text', 42])('refuses %j as the whole input', (input) => {
    expectUnreadable(list, input, /JSON object/);
  });

  it('rejects a string where an integer belongs, naming the member', () => {
    expectUnreadable(
      list,
      { OrganizationId: ORG, MaxResults: '10' },
      /^Expected an integer for member 'MaxResults'$/,
    );
  });

  it('rejects a fractional or out-of-int32 integer', () => {
    expectUnreadable(list, { OrganizationId: ORG, MaxResults: 1.5 }, /'MaxResults'/);
    expectUnreadable(list, { OrganizationId: ORG, MaxResults: 2 ** 31 }, /'MaxResults'/);
  });

  it('rejects a number where a string belongs', () => {
    expectUnreadable(
      list,
      { OrganizationId: 42 },
      /^Expected a string for member 'OrganizationId'$/,
    );
  });

  it('rejects a string where a boolean belongs', () => {
    expectUnreadable(
      'DeleteOrganizationRequest',
      { OrganizationId: ORG, DeleteDirectory: 'false' },
      /^Expected a boolean for member 'DeleteDirectory'$/,
    );
  });

  it('rejects a non-list, and a wrongly typed list item by position', () => {
    const input = { OrganizationId: ORG, UserId: 'alice', Name: 'n' };
    expectUnreadable(create, { ...input, Scopes: 'IMAP' }, /^Expected a list for member 'Scopes'$/);
    expectUnreadable(create, { ...input, Scopes: ['IMAP', 7] }, /'Scopes\.2'/);
  });

  it('rejects a non-object nested structure', () => {
    expectUnreadable(
      put,
      { OrganizationId: ORG, PersonalAccessTokenConfiguration: ['ACTIVE'] },
      /'PersonalAccessTokenConfiguration'/,
    );
  });

  it('prefers the type error over constraint violations found before it', () => {
    expectUnreadable(list, { OrganizationId: 'bad', MaxResults: 'x' }, /'MaxResults'/);
  });
});

describe('createInputValidator', () => {
  const validate = createInputValidator({
    Tags: { type: 'structure', members: { Map: { shape: 'TagMap' }, Self: { shape: 'Tags' } } },
    TagMap: { type: 'map', key: { shape: 'Key' }, value: { shape: 'Value' }, max: 2 },
    Key: { type: 'string', pattern: '[a-z]+' },
    Value: { type: 'string', max: 3, sensitive: true },
  });

  it('validates map keys and values at Path.<key>', () => {
    expect(() => validate('Tags', { Map: { ab: 'xyz' } })).not.toThrow();
    expect(() => validate('Tags', { Map: { AB: 'x' } })).toThrow(
      "Value 'AB' at 'Map.AB' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z]+",
    );
    expect(() => validate('Tags', { Map: { a: 'long' } })).toThrow(
      "Value '***' at 'Map.a' failed to satisfy constraint: Member must have length less than or equal to 3",
    );
    expect(() => validate('Tags', { Map: { a: '1', b: '2', c: '3' } })).toThrow(
      /at 'Map' failed to satisfy constraint: Member must have length less than or equal to 2/,
    );
  });

  it('validates recursive shapes at every depth', () => {
    expect(() => validate('Tags', { Self: { Self: { Map: { X: '1' } } } })).toThrow(
      /'Self\.Self\.Map\.X'/,
    );
  });

  it('throws a plain error for a shape the model lacks', () => {
    expect(() => validate('Nope', {})).toThrow(/no shape Nope/);
  });
});
