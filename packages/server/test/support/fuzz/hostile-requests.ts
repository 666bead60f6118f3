/**
 * Hostile requests: valid calls with one defect the server must refuse, calls with hostile
 * members, and protocol noise (random targets, paths, methods, headers, malformed HTTP).
 * @module
 */
import fc from 'fast-check';
import { findModelOperation } from '@mailpat/model';
import { hostileJson, hostileString } from './hostile-values.js';
import {
  replaceMember,
  withoutRequiredMember,
  withViolatedConstraint,
  withWrongType,
} from './model-defects.js';
import type { OperationCall } from './operation-call.js';
import { callBody, planOf } from './operation-call.js';
import type { RequestPlan, Signing } from './request-plan.js';
import { validMutationCall, validReadCall } from './valid-calls.js';

/** Every signing defect: each alone makes the server refuse the request. */
export const SIGNING_DEFECTS: Signing[] = [
  'unsigned',
  'wrong-secret',
  'unknown-key',
  'expired',
  'future',
  'other-service',
  'tampered-body',
  'tampered-target',
  'truncated-authorization',
  'garbled-signature',
  'dropped-part',
  'repeated-part',
  'duplicate-authorization',
  'duplicate-date',
  'missing-date',
  'session-token',
  'unsent-signed-header',
  'presigned-query',
];

const CONTENT_TYPES = [
  'application/x-amz-json-1.1',
  'application/x-amz-json-1.0',
  'application/json',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/x-amz-json-1.1; charset=utf-16',
];

/** A target no served operation has (HTTP trims a header value's surrounding whitespace). */
const unknownTarget = fc
  .oneof(
    fc.string({
      maxLength: 60,
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    }),
    fc.constantFrom(
      'WorkMailService.CreatePersonalAccessToken',
      'MailpatService.CreateOrganization',
      'workmailservice.ListOrganizations',
      'WorkMailService.listOrganizations',
      'WorkMailService.',
      'WorkMailService.__proto__',
      'WorkMailService.constructor',
      'WorkMailService.DropAllTables',
      'WorkMail_20170401.ListOrganizations',
      '',
    ),
    fc.string({
      maxLength: 30,
      unit: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)),
    }),
  )
  .filter((target) => findModelOperation(target.trim()) === undefined);

type Defect = (call: OperationCall, n: number) => RequestPlan | undefined;

const fromCall = (label: string) => (call: OperationCall | undefined) =>
  call === undefined ? undefined : { ...planOf(call, label), effect: 'refused' as const };

/** Defects on the call itself; each returns undefined where it does not apply. */
const CALL_DEFECTS: Record<string, Defect> = {
  'missing required member': (call, n) =>
    fromCall('missing-member')(withoutRequiredMember(call, n)),
  'wrong type': (call, n) => fromCall('wrong-type')(withWrongType(call, n)),
  'constraint violated': (call, n) => fromCall('constraint')(withViolatedConstraint(call, n)),
  'broken JSON': (call, n) => {
    const body = callBody(call.members);
    return {
      ...planOf(call, 'broken-json'),
      effect: 'refused',
      body: body.slice(0, 1 + (n % (body.length - 1))),
    };
  },
  'not an object': (call, n) => {
    const bodies = [
      `[${callBody(call.members)}]`,
      '"{}"',
      '1',
      'null',
      'true',
      `${callBody(call.members)}x`,
    ];
    return { ...planOf(call, 'not-object'), effect: 'refused', body: bodies[n % bodies.length]! };
  },
  'unknown organization': (call) =>
    call.members.some(([name]) => name === 'OrganizationId')
      ? fromCall('unknown-org')(replaceMember(call, 'OrganizationId', `"m-${'a'.repeat(32)}"`))
      : undefined,
  "another organization's ids": (call) => {
    const body = callBody(call.members);
    if (!/⟦(user|token):/.test(body)) return undefined;
    const swapped = body.replace(/⟦user:/g, '⟦other-user:').replace(/⟦token:/g, '⟦other-token:');
    // DeletePersonalAccessToken is idempotent: a token it cannot find is a 200 that changes nothing.
    // ListPersonalAccessTokenEvents filters by token ID (events outlive their token): none match.
    const effect = /\.(DeletePersonalAccessToken|ListPersonalAccessTokenEvents)$/.test(call.target)
      ? 'read'
      : 'refused';
    return { ...planOf(call, 'other-org-id'), effect, body: swapped };
  },
  'unknown target': () => undefined, // chosen below, with its own arbitrary
  'wrong route': (call, n) => {
    const routes: [string, string][] = [
      ['GET', '/'],
      ['PUT', '/'],
      ['DELETE', '/'],
      ['PATCH', '/'],
      ['POST', '/x'],
      ['POST', '//'],
      ['POST', '/healthz'],
      ['POST', '/%2F'],
      ['POST', '/..'],
      ['OPTIONS', '*'],
    ];
    const [method, path] = routes[n % routes.length]!;
    return { ...planOf(call, 'wrong-route'), effect: 'refused', method, path };
  },
};

/** A valid mutation (or read) with exactly one defect: the server must refuse it. */
export function refusedRequest(): fc.Arbitrary<RequestPlan> {
  const call = fc.oneof(
    { weight: 3, arbitrary: validMutationCall() },
    { weight: 1, arbitrary: validReadCall() },
  );
  const signing = fc
    .tuple(call, fc.constantFrom(...SIGNING_DEFECTS), fc.nat(), fc.constantFrom(...CONTENT_TYPES))
    .map(([c, defect, tweak, contentType]) => ({
      ...planOf(c, `signing:${defect}`),
      effect: 'refused' as const,
      signing: defect,
      tweak,
      contentType,
    }));
  const target = fc.tuple(call, unknownTarget).map(([c, t]) => ({
    ...planOf(c, 'unknown-target'),
    effect: 'refused' as const,
    target: t,
  }));
  const defects = Object.entries(CALL_DEFECTS);
  const other = fc
    .tuple(call, fc.nat({ max: defects.length - 1 }), fc.nat({ max: 10_000 }))
    .map(([c, d, n]) => {
      const plan = defects[d]![1](c, n) ?? withUnknownOrganization(c);
      return plan;
    });
  return fc.oneof(
    { weight: 3, arbitrary: signing },
    { weight: 1, arbitrary: target },
    { weight: 4, arbitrary: other },
  );
}

/** The fallback where the drawn defect does not apply: a member outside its constraints. */
function withUnknownOrganization(call: OperationCall): RequestPlan {
  return fromCall('constraint')(withViolatedConstraint(call, 0) ?? withWrongType(call, 0))!;
}

/** A call whose members are partly replaced by hostile values; extra and repeated members too. */
export function hostileMembersCall(base: fc.Arbitrary<OperationCall>): fc.Arbitrary<OperationCall> {
  const names = fc.constantFrom(
    'OrganizationId',
    'UserId',
    'EntityId',
    'Name',
    'MaxResults',
    'NextToken',
    'PersonalAccessTokenId',
    'Alias',
    'DisplayName',
    'Password',
    'ExpiresInDays',
    'PersonalAccessTokenConfiguration',
    'Filters',
    '__proto__',
    'constructor',
  );
  return fc
    .tuple(
      base,
      fc.array(fc.tuple(names, hostileJson()), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
    )
    .map(([call, replacements, append]) => {
      let result = call;
      for (const [name, value] of replacements) {
        result = append
          ? { ...result, members: [...result.members, [name, value]] }
          : replaceMember(result, name, value);
      }
      return result;
    });
}

/** Reads with hostile members, random NextTokens, odd content types and repeated harmless headers. */
export function hostileRead(): fc.Arbitrary<RequestPlan> {
  const randomCursor = fc
    .oneof(hostileString(), fc.base64String({ maxLength: 1100 }), fc.constant('A'.repeat(1025)))
    .map((s) => JSON.stringify(s));
  const withCursor = fc
    .tuple(validReadCall(), randomCursor)
    .map(([call, cursor]) => replaceMember(call, 'NextToken', cursor));
  const call = fc.oneof(hostileMembersCall(validReadCall()), withCursor);
  return fc
    .tuple(call, fc.constantFrom(...CONTENT_TYPES), fc.array(harmlessHeader(), { maxLength: 3 }))
    .map(([c, contentType, extraHeaders]) => ({
      ...planOf(c, 'hostile-read'),
      contentType,
      extraHeaders,
    }));
}

/** Mutations whose members are partly hostile: they may succeed, so they run one at a time. */
export function hostileMutation(): fc.Arbitrary<RequestPlan> {
  return hostileMembersCall(validMutationCall()).map((call) => planOf(call, 'hostile-mutation'));
}

/** An unsigned header the server must ignore, possibly twice. */
function harmlessHeader(): fc.Arbitrary<[string, string]> {
  return fc.tuple(
    fc.constantFrom(
      'user-agent',
      'accept',
      'x-forwarded-for',
      'x-amzn-trace-id',
      'cookie',
      'x-fuzz',
    ),
    fc.string({
      maxLength: 40,
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    }),
  );
}
