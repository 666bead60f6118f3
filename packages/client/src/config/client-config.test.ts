import { describe, expect, it } from 'vitest';
import { StandardRetryStrategy } from '../retry/standard-retry-strategy.js';
import { resolveClientConfig } from './client-config.js';
import { CredentialsProviderError, fromEnv } from './credentials.js';

describe('resolveClientConfig', () => {
  it('takes the region from AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1', () => {
    const endpoint = 'http://127.0.0.1:8080';
    const env = { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-2' };
    expect(resolveClientConfig({ endpoint }, env).region).toBe('eu-west-1');
    expect(resolveClientConfig({ endpoint }, { AWS_DEFAULT_REGION: 'eu-west-2' }).region).toBe(
      'eu-west-2',
    );
    expect(resolveClientConfig({ endpoint }, {}).region).toBe('us-east-1');
    expect(resolveClientConfig({ endpoint, region: 'ca-central-1' }, env).region).toBe(
      'ca-central-1',
    );
  });

  it('defaults to 3 attempts and a 30 s timeout', () => {
    const config = resolveClientConfig({ endpoint: 'http://localhost' }, {});
    expect(config.retryStrategy.maxAttempts).toBe(3);
    expect(config.timeoutMs).toBe(30_000);
    expect(resolveClientConfig({ endpoint: 'http://x', maxAttempts: 5 }).retryStrategy).toEqual(
      expect.objectContaining({ maxAttempts: 5 }),
    );
  });

  it('uses a given retry strategy as it is', () => {
    const retryStrategy = new StandardRetryStrategy({ maxAttempts: 7 });
    expect(resolveClientConfig({ endpoint: 'http://x', retryStrategy }).retryStrategy).toBe(
      retryStrategy,
    );
  });

  it('refuses an endpoint that is not http(s) and a negative timeout', () => {
    expect(() => resolveClientConfig({ endpoint: 'ftp://x' })).toThrow(TypeError);
    expect(() => resolveClientConfig({ endpoint: 'not a url' })).toThrow(TypeError);
    expect(() => resolveClientConfig({ endpoint: 'http://x', timeoutMs: -1 })).toThrow(RangeError);
  });

  it('wraps static credentials in a provider', async () => {
    const config = resolveClientConfig({
      endpoint: 'http://x',
      credentials: { accessKeyId: 'a', secretAccessKey: 's' },
    });
    await expect(config.credentials()).resolves.toEqual({ accessKeyId: 'a', secretAccessKey: 's' });
  });
});

describe('fromEnv', () => {
  it('reads the key pair and the session token at each call', async () => {
    const env: NodeJS.ProcessEnv = { AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 's' };
    const provider = fromEnv(env);
    await expect(provider()).resolves.toEqual({ accessKeyId: 'a', secretAccessKey: 's' });
    env.AWS_SESSION_TOKEN = 't';
    await expect(provider()).resolves.toEqual({
      accessKeyId: 'a',
      secretAccessKey: 's',
      sessionToken: 't',
    });
  });

  it('rejects with CredentialsProviderError when the environment holds no key', async () => {
    await expect(fromEnv({})()).rejects.toBeInstanceOf(CredentialsProviderError);
  });
});
