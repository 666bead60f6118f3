import { describe, expect, it } from 'vitest';
import { buildRequest } from './build-request.js';

describe('buildRequest', () => {
  it('POSTs to the endpoint path with host, content type and target headers', () => {
    const request = buildRequest(
      new URL('https://mail.example.com:8443'),
      'WorkMailService.X',
      '{}',
    );
    expect(request).toMatchObject({
      method: 'POST',
      protocol: 'https:',
      hostname: 'mail.example.com',
      port: 8443,
      path: '/',
      body: '{}',
      headers: {
        host: 'mail.example.com:8443',
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'WorkMailService.X',
      },
    });
  });

  it('leaves the port out when the URL uses the default one', () => {
    const request = buildRequest(new URL('http://mail.example.com/api'), 'T', '{}');
    expect(request.port).toBeUndefined();
    expect(request.headers.host).toBe('mail.example.com');
    expect(request.path).toBe('/api');
  });
});
