/**
 * The property every answer must have: never a 500, an error in the AWS JSON format on the API
 * route, and a refusal wherever the request was built to be refused.
 * @module
 */
import type { RequestPlan } from './request-plan.js';
import type { FuzzResponse } from './send-plan.js';

const MAX_BODY_BYTES = 1024 * 1024;

/** What is wrong with the answer, or undefined if nothing is. */
export function checkResponse(plan: RequestPlan, response: FuzzResponse): string | undefined {
  const { status } = response;
  if (status >= 500 && !(status === 503 && response.errorType === 'ServiceUnavailableException')) {
    return `status ${status}`;
  }
  const accepted = status >= 200 && status < 300;
  if (plan.effect === 'refused' && accepted)
    return `accepted (${status}) a request built to be refused`;
  if (plan.raw !== undefined) return undefined;
  const onApi = plan.method === 'POST' && plan.path.split('?', 1)[0] === '/';
  if (status === 0) {
    // A connection cut after an early refusal is allowed only for an over-long body.
    return Buffer.byteLength(plan.body) > MAX_BODY_BYTES ? undefined : 'no answer';
  }
  if (!onApi) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return 'an answer that is not JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'not a JSON object';
  if (accepted) return undefined;
  const type = (body as { __type?: unknown }).__type;
  if (typeof type !== 'string' || type !== response.errorType) {
    return `an error without a matching __type (${String(type)} vs ${response.errorType})`;
  }
  if (response.contentType !== 'application/x-amz-json-1.1')
    return `content-type ${response.contentType}`;
  return undefined;
}
