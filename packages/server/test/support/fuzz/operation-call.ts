/**
 * A call of one served operation as the fuzzer builds it: its target and its members as raw
 * JSON text, so that a member can carry what JSON.stringify never writes (`1e400`, duplicates).
 * @module
 */
import type { RequestPlan } from './request-plan.js';

export interface OperationCall {
  /** `WorkMailService.<Op>` or `MailpatService.<Op>`. */
  target: string;
  /** Member name and raw JSON value text, in body order; a name may repeat. */
  members: [string, string][];
  /** Whether the operation can change data when it succeeds. */
  mutates: boolean;
}

/** The JSON object text of the members. */
export function callBody(members: readonly [string, string][]): string {
  return `{${members.map(([name, value]) => `${JSON.stringify(name)}:${value}`).join(',')}}`;
}

/** The correctly signed `POST /` of a call. */
export function planOf(call: OperationCall, label: string): RequestPlan {
  return {
    label,
    effect: call.mutates ? 'mutation' : 'read',
    method: 'POST',
    path: '/',
    target: call.target,
    contentType: 'application/x-amz-json-1.1',
    body: callBody(call.members),
    signing: 'valid',
    extraHeaders: [],
    tweak: 0,
  };
}
