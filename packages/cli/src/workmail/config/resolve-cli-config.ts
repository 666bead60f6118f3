/**
 * Where `mailpat workmail` sends its requests and with which credentials: command line
 * first, then environment, then the shared config files, as aws CLI v2 resolves them; then
 * mailpat's own defaults so that a local `mailpat serve` needs no setup at all.
 * @module
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AwsCredentials } from '@mailpat/client';
import { CliConfigurationError } from '../cli-errors.js';
import { loadProfile, sharedFilePaths } from './load-profile.js';
import type { ProfileSettings } from './load-profile.js';

/** What `mailpat serve` binds by default. */
export const DEFAULT_ENDPOINT_URL = 'http://127.0.0.1:8080';
/** The profile `mailpat serve` writes into `<data-dir>/credentials`. */
export const SERVE_PROFILE = 'mailpat';
/** `mailpat serve`'s default data directory, relative to where it was started. */
const DEFAULT_SERVE_CREDENTIALS = './data/credentials';

/** The connection options of the command line (`undefined` when not given). */
export interface ConnectionOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

/** Everything needed to build the client and print the result. */
export interface CliConfig {
  endpointUrl: string;
  region: string;
  credentials: AwsCredentials;
  /** The profile's `output` setting, when it has one. */
  output?: string;
  /** `iso8601` (aws CLI v2's default) or `wire` / `none` (epoch seconds as sent). */
  timestampFormat: string;
  maxAttempts?: number;
}

/** Resolves endpoint, region, credentials and profile settings. */
export async function resolveCliConfig(
  options: ConnectionOptions,
  env: NodeJS.ProcessEnv,
): Promise<CliConfig> {
  const paths = sharedFilePaths(env);
  const profileName = options.profile ?? env.AWS_PROFILE ?? 'default';
  const profile = await loadProfile(profileName, paths);
  const explicitProfile = options.profile !== undefined || env.AWS_PROFILE !== undefined;
  if (explicitProfile && !profile.found) {
    throw new CliConfigurationError(`The config profile (${profileName}) could not be found`);
  }
  const settings = profile.values;
  const maxAttempts = Number(env.AWS_MAX_ATTEMPTS ?? settings.max_attempts);
  return {
    endpointUrl:
      options.endpointUrl ??
      env.MAILPAT_ENDPOINT_URL ??
      env.AWS_ENDPOINT_URL_WORKMAIL ??
      env.AWS_ENDPOINT_URL ??
      settings.endpoint_url ??
      DEFAULT_ENDPOINT_URL,
    region:
      options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? settings.region ?? 'us-east-1',
    credentials: await resolveCredentials(options.profile !== undefined, profile, env),
    output: settings.output,
    timestampFormat: settings.cli_timestamp_format ?? 'iso8601',
    maxAttempts: Number.isInteger(maxAttempts) && maxAttempts > 0 ? maxAttempts : undefined,
  };
}

/**
 * botocore's order: a `--profile` given on the command line is the only source; otherwise the
 * environment's key pair, then the profile (`AWS_PROFILE` or `default`). mailpat adds a last
 * resort: the credentials `mailpat serve` generated under `./data`, for the local quickstart.
 */
async function resolveCredentials(
  profileOnCommandLine: boolean,
  profile: ProfileSettings,
  env: NodeJS.ProcessEnv,
): Promise<AwsCredentials> {
  const fromProfile = credentialsOf(profile);
  if (profileOnCommandLine) return fromProfile ?? noCredentials();
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return {
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    };
  }
  if (fromProfile) return fromProfile;
  const serveCredentials = resolve(DEFAULT_SERVE_CREDENTIALS);
  if (existsSync(serveCredentials)) {
    const generated = await loadProfile(SERVE_PROFILE, {
      credentials: serveCredentials,
      config: serveCredentials,
    });
    const credentials = credentialsOf(generated);
    if (credentials) return credentials;
  }
  return noCredentials();
}

function credentialsOf(profile: ProfileSettings): AwsCredentials | undefined {
  const { aws_access_key_id: accessKeyId, aws_secret_access_key: secretAccessKey } = profile.values;
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = profile.values.aws_session_token;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

function noCredentials(): never {
  throw new CliConfigurationError(
    'Unable to locate credentials. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or name a ' +
      'profile with --profile (mailpat serve writes profile "mailpat" to <data-dir>/credentials; ' +
      'point AWS_SHARED_CREDENTIALS_FILE at it).',
  );
}
