/**
 * Builds the unsigned HTTP request of an AWS JSON 1.1 call.
 * @see https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
 * @module
 */
import { HttpRequest } from '@smithy/protocol-http';
import { AWS_JSON_CONTENT_TYPE } from './constants.js';

/** `POST <endpoint path>` with the JSON body, its content type and `X-Amz-Target`. */
export function buildRequest(endpoint: URL, target: string, body: string): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port === '' ? undefined : Number(endpoint.port),
    path: endpoint.pathname === '' ? '/' : endpoint.pathname,
    headers: {
      host: endpoint.host,
      'content-type': AWS_JSON_CONTENT_TYPE,
      'x-amz-target': target,
    },
    body,
  });
}
