import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPaginatorNames, resolvePaginator, WORKMAIL_PAGINATORS } from './paginator-configs.js';

const MODEL_PATH = join(
  dirname(createRequire(import.meta.url).resolve('@mailpat/model/package.json')),
  'aws-model/paginators-1.json',
);

describe('WorkMail paginator configs', () => {
  it('match the AWS model (paginators-1.json)', () => {
    if (!existsSync(MODEL_PATH)) throw new Error(`AWS paginator model missing at ${MODEL_PATH}`);
    const model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as {
      pagination: Record<string, Record<string, string>>;
    };
    for (const [operation, { config }] of Object.entries(WORKMAIL_PAGINATORS)) {
      const expected = model.pagination[operation];
      expect(config).toEqual({
        inputToken: expected?.input_token,
        outputToken: expected?.output_token,
        limitKey: expected?.limit_key,
        resultKey: expected?.result_key,
      });
    }
  });

  it.each([
    ['list_personal_access_tokens', 'ListPersonalAccessTokens', 'listPersonalAccessTokens'],
    ['ListPersonalAccessTokens', 'ListPersonalAccessTokens', 'listPersonalAccessTokens'],
    ['list_organizations', 'ListOrganizations', 'listOrganizations'],
    ['ListOrganizations', 'ListOrganizations', 'listOrganizations'],
    ['list_users', 'ListUsers', 'listUsers'],
    ['ListUsers', 'ListUsers', 'listUsers'],
  ])('resolves %s to %s and the %s method', (name, operationName, methodName) => {
    expect(resolvePaginator(name)).toMatchObject({ operationName, methodName });
  });

  it('resolves nothing for other names', () => {
    for (const name of ['listUsers', 'list_groups', 'LIST_USERS', 'toString', '__proto__']) {
      expect(resolvePaginator(name)).toBeUndefined();
    }
    expect(listPaginatorNames()).toHaveLength(6);
  });
});
