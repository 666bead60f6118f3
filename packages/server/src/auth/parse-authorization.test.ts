import { describe, expect, it } from 'vitest';
import { IncompleteSignatureException } from '../errors/index.js';
import { parseAuthorization } from './parse-authorization.js';

const SIGNATURE = 'f'.repeat(64);
const PARSED = {
  accessKeyId: 'AKIAEXAMPLE',
  scopeDate: '20261127',
  region: 'eu-central-1',
  service: 'workmail',
  signedHeaders: ['content-type', 'host', 'x-amz-date', 'x-amz-target'],
  signature: SIGNATURE,
};

describe('parseAuthorization', () => {
  it('parses the header as the AWS SDKs and botocore write it', () => {
    const header =
      'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261127/eu-central-1/workmail/aws4_request, ' +
      `SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${SIGNATURE}`;
    expect(parseAuthorization(header)).toEqual(PARSED);
  });

  it('parses parameters in another order and with other spacing the same way', () => {
    const header =
      `AWS4-HMAC-SHA256 Signature=${SIGNATURE} ,  SignedHeaders=content-type;host;x-amz-date;` +
      'x-amz-target,Credential=AKIAEXAMPLE/20261127/eu-central-1/workmail/aws4_request';
    expect(parseAuthorization(header)).toEqual(PARSED);
  });

  it('names every missing parameter', () => {
    expect(() => parseAuthorization('AWS4-HMAC-SHA256 ')).toThrow(
      "Authorization header requires 'Credential' parameter. Authorization header requires " +
        "'SignedHeaders' parameter. Authorization header requires 'Signature' parameter.",
    );
  });

  it('cuts a long malformed value short in the message', () => {
    const error = (() => {
      try {
        parseAuthorization(
          `AWS4-HMAC-SHA256 Credential=${'A'.repeat(5000)}, SignedHeaders=host, Signature=${SIGNATURE}`,
        );
      } catch (thrown) {
        return thrown as Error;
      }
    })();
    expect(error).toBeInstanceOf(IncompleteSignatureException);
    expect(error?.message.length).toBeLessThan(300);
  });
});
