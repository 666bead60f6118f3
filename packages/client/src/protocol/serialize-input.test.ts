import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../model/operations.js';
import { serializeInput } from './serialize-input.js';

describe('serializeInput', () => {
  it('writes the input as JSON, dropping undefined members', () => {
    const body = serializeInput(OPERATIONS.ListUsers, {
      OrganizationId: 'm-1',
      NextToken: undefined,
    });
    expect(body).toBe('{"OrganizationId":"m-1"}');
  });

  it('fills an omitted idempotency token, without touching the caller object', () => {
    const input = { Alias: 'a' };
    const body = JSON.parse(serializeInput(OPERATIONS.CreateOrganization, input));
    expect(body.ClientToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(input).toEqual({ Alias: 'a' });
  });
});
