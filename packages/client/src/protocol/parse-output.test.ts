import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkMailServiceException } from '../errors/workmail-service-exception.js';
import type { HttpResponse } from './http-response.js';
import { TIMESTAMP_MEMBERS } from '../model/timestamp-members.js';
import { parseEpochTimestamp, parseOutput } from './parse-output.js';

const ok = (body: string): HttpResponse => ({ statusCode: 200, headers: new Headers(), body });

describe('parseOutput', () => {
  it('turns every modeled timestamp member into a Date, nested ones included', () => {
    const output = parseOutput(
      ok(
        JSON.stringify({
          PersonalAccessTokenSummaries: [
            { Name: 'a', DateCreated: 1700000000.5, ExpiresTime: 1702592000 },
            { Name: 'b', DateCreated: 1700000001, DateLastUsed: 1700000002.25 },
          ],
          NextToken: 'abc',
        }),
      ),
    );
    expect(output).toEqual({
      PersonalAccessTokenSummaries: [
        {
          Name: 'a',
          DateCreated: new Date('2023-11-14T22:13:20.500Z'),
          ExpiresTime: new Date(1702592000000),
        },
        {
          Name: 'b',
          DateCreated: new Date(1700000001000),
          DateLastUsed: new Date(1700000002250),
        },
      ],
      NextToken: 'abc',
    });
  });

  it('leaves members that are not timestamps alone, numbers included', () => {
    const output = parseOutput(ok('{"PersonalAccessTokenConfiguration":{"LifetimeInDays":30}}'));
    expect(output).toEqual({ PersonalAccessTokenConfiguration: { LifetimeInDays: 30 } });
  });

  it('gives what the former copying conversion gave, for any JSON object', () => {
    // The former implementation, kept as the oracle of the in-place one.
    const copying = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(copying);
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, member]) => [
          key,
          TIMESTAMP_MEMBERS.has(key) ? parseEpochTimestamp(member) : copying(member),
        ]),
      );
    };
    const key = fc.oneof(fc.constantFrom(...TIMESTAMP_MEMBERS, 'Name', '__proto__'), fc.string());
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 0 }),
        fc.double({ min: 0, max: 4e9, noNaN: true }),
        fc.array(tie('tree'), { maxLength: 4 }),
        fc.array(fc.array(tie('tree'), { maxLength: 3 }), { maxLength: 3 }),
        fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
      ),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 6 }), (object) => {
        const body = JSON.stringify(object);
        expect(parseOutput(ok(body))).toStrictEqual(copying(JSON.parse(body)));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads an empty body as an empty output', () => {
    expect(parseOutput(ok(''))).toEqual({});
  });

  it('rejects a body that is not a JSON object', () => {
    for (const body of ['not json', '[1]', '"text"']) {
      expect(() => parseOutput(ok(body))).toThrow(WorkMailServiceException);
    }
  });
});

describe('parseEpochTimestamp', () => {
  it('keeps millisecond precision exactly, where plain * 1000 would truncate', () => {
    expect(4226622.606 * 1000).toBe(4226622605.9999995);
    expect((parseEpochTimestamp(4226622.606) as Date).getTime()).toBe(4226622606);
  });

  it('round-trips every millisecond instant written as fractional seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        expect((parseEpochTimestamp(ms / 1000) as Date).getTime()).toBe(ms);
      }),
    );
  });

  it('accepts numeric strings and leaves anything else as it is', () => {
    expect(parseEpochTimestamp('1700000000')).toEqual(new Date(1700000000000));
    expect(parseEpochTimestamp(null)).toBeNull();
    expect(parseEpochTimestamp('soon')).toBe('soon');
  });
});
