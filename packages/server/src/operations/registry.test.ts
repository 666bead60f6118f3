import { SERVICE_MODEL } from '@mailpat/model';
import type { ServiceName } from '@mailpat/model';
import { describe, expect, it } from 'vitest';
import { OPERATION_HANDLERS, findOperation } from './registry.js';

const modelled = (Object.keys(SERVICE_MODEL.services) as ServiceName[]).flatMap((service) =>
  Object.keys(SERVICE_MODEL.services[service].operations).map((name) => ({ service, name })),
);

describe('the operation registry', () => {
  it('has exactly one handler for every operation the model serves', () => {
    for (const { service, name } of modelled) {
      const handler = findOperation(`${service}.${name}`);
      expect(handler, `${service}.${name}`).toBeDefined();
      expect(handler?.service).toBe(service);
      expect(handler?.name).toBe(name);
    }
    expect(Object.keys(OPERATION_HANDLERS)).toHaveLength(modelled.length);
  });

  it('has no handler without a model operation, and files each under its own name', () => {
    for (const [key, handler] of Object.entries(OPERATION_HANDLERS)) {
      expect(handler.name).toBe(key);
      expect(Object.keys(SERVICE_MODEL.services[handler.service].operations)).toContain(key);
    }
  });

  it('routes nothing but the modelled X-Amz-Targets', () => {
    expect(findOperation('WorkMailService.CreatePersonalAccessToken')).toBeUndefined();
    expect(findOperation('MailpatService.CreateUser')).toBeUndefined();
    expect(findOperation('WorkMailService.CreateAlias')).toBeUndefined();
  });
});
