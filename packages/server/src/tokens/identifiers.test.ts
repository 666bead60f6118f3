import { describe, expect, it } from 'vitest';
import { SERVICE_MODEL } from '@mailpat/model';
import { compileModelPattern } from '../validation/translate-pattern.js';
import { generateOrganizationId, generateTokenId, generateUserId } from './identifiers.js';

/** True when `value` satisfies the model shape's pattern and length constraints. */
function fitsShape(shapeName: string, value: string): boolean {
  const shape = SERVICE_MODEL.shapes[shapeName];
  if (!shape) throw new Error(`no shape ${shapeName}`);
  const lengthOk = value.length >= (shape.min ?? 0) && value.length <= (shape.max ?? Infinity);
  return (
    lengthOk && (shape.pattern === undefined || compileModelPattern(shape.pattern).test(value))
  );
}

describe.each([
  ['generateTokenId', generateTokenId, 'PersonalAccessTokenId', /^pat-[0-9a-z]{26}$/],
  ['generateOrganizationId', generateOrganizationId, 'OrganizationId', /^m-[0-9a-f]{32}$/],
  ['generateUserId', generateUserId, 'WorkMailIdentifier', /^[0-9a-f-]{36}$/],
])('%s', (_name, generate, shapeName, format) => {
  it(`makes ids that are valid ${shapeName}s`, () => {
    for (let i = 0; i < 200; i++) {
      const id = generate();
      expect(id).toMatch(format);
      expect(fitsShape(shapeName, id)).toBe(true);
    }
  });

  it('never repeats itself', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => generate()));
    expect(ids.size).toBe(5000);
  });
});

describe('generateUserId', () => {
  it('is also a valid EntityIdentifier, so users can be addressed by it', () => {
    expect(fitsShape('EntityIdentifier', generateUserId())).toBe(true);
  });
});
