import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsCredentials } from '@mailpat/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  resolveSourceConfig,
  sdkCredentialChain,
  workmailEndpointFor,
} from './resolve-source-config.js';

function filesEnv(credentials: string, config = ''): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'mailpat-source-config-'));
  writeFileSync(join(dir, 'credentials'), credentials);
  writeFileSync(join(dir, 'config'), config);
  return {
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_CONFIG_FILE: join(dir, 'config'),
  };
}

const NO_FILES = filesEnv('');

describe('resolveSourceConfig', () => {
  it('derives the real WorkMail endpoint from --source-region, without the network', async () => {
    const config = await resolveSourceConfig(
      { sourceRegion: 'eu-west-1' },
      { ...NO_FILES, AWS_ACCESS_KEY_ID: 'AKIDSOURCE', AWS_SECRET_ACCESS_KEY: 'secret' },
    );
    expect(config.endpointUrl).toBe('https://workmail.eu-west-1.amazonaws.com');
    expect(config.region).toBe('eu-west-1');
    expect((config.credentials as AwsCredentials).accessKeyId).toBe('AKIDSOURCE');
  });

  it('derives it from the environment region too, and never takes the target endpoint variables', async () => {
    const config = await resolveSourceConfig(
      {},
      {
        ...NO_FILES,
        AWS_REGION: 'us-west-2',
        AWS_ACCESS_KEY_ID: 'AKID',
        AWS_SECRET_ACCESS_KEY: 'secret',
        MAILPAT_ENDPOINT_URL: 'http://127.0.0.1:1',
        AWS_ENDPOINT_URL: 'http://127.0.0.1:2',
      },
    );
    expect(config.endpointUrl).toBe('https://workmail.us-west-2.amazonaws.com');
  });

  it('prefers --source-endpoint-url', async () => {
    const config = await resolveSourceConfig(
      { sourceEndpointUrl: 'http://127.0.0.1:9000', sourceRegion: 'eu-west-1' },
      { ...NO_FILES, AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'secret' },
    );
    expect(config.endpointUrl).toBe('http://127.0.0.1:9000');
  });

  it('takes --source-profile alone, over the environment key pair', async () => {
    const env = filesEnv(
      '[src]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n',
      '[profile src]\nregion = eu-central-1\n',
    );
    const config = await resolveSourceConfig(
      { sourceProfile: 'src' },
      { ...env, AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'env-secret' },
    );
    expect((config.credentials as AwsCredentials).accessKeyId).toBe('AKIDPROFILE');
    expect(config.endpointUrl).toBe('https://workmail.eu-central-1.amazonaws.com');
  });

  it('refuses an unknown --source-profile', async () => {
    await expect(resolveSourceConfig({ sourceProfile: 'nope' }, NO_FILES)).rejects.toThrow(
      'The config profile (nope) could not be found',
    );
  });

  it('hands a profile without keys (single sign-on, a role) to the SDK chain, not the environment keys', async () => {
    const env = filesEnv('', '[profile keyless]\nregion = eu-west-1\n');
    const config = await resolveSourceConfig(
      { sourceProfile: 'keyless' },
      { ...env, AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'secret' },
    );
    expect(typeof config.credentials).toBe('function');
  });

  it('asks for a source when neither region nor endpoint is known', async () => {
    await expect(resolveSourceConfig({}, NO_FILES)).rejects.toThrow(
      'give the source with --source-region or --source-endpoint-url',
    );
  });
});

describe('workmailEndpointFor', () => {
  it.each(['eu-west-1', 'us-gov-west-1', 'ap-southeast-2'])('accepts %s', (region) => {
    expect(workmailEndpointFor(region)).toBe(`https://workmail.${region}.amazonaws.com`);
  });

  it.each(['evil.com/x', 'eu-west-1.attacker.net#', 'EU-WEST-1', ''])(
    'refuses %j rather than put it into a host name',
    (region) => {
      expect(() => workmailEndpointFor(region)).toThrow('not an AWS region');
    },
  );
});

describe('sdkCredentialChain', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("runs the SDK's chain for the profile: here its credential_process", async () => {
    const program = `console.log(JSON.stringify({Version:1,AccessKeyId:'AKIDPROCESS',SecretAccessKey:'s'}))`;
    const env = filesEnv(
      '',
      `[profile sourced]\ncredential_process = ${process.execPath} -e "${program}"\n`,
    );
    vi.stubEnv('AWS_CONFIG_FILE', env.AWS_CONFIG_FILE!);
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', env.AWS_SHARED_CREDENTIALS_FILE!);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDENV');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'env-secret');
    const credentials = await sdkCredentialChain('sourced')();
    expect(credentials.accessKeyId).toBe('AKIDPROCESS');
  });
});
