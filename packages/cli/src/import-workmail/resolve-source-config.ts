/**
 * Where and as whom the import reads: `--source-endpoint-url`, else the real WorkMail endpoint of
 * `--source-region`; credentials by the AWS chain (`--source-profile` alone when given, else the
 * environment's key pair, then `AWS_PROFILE` or `default`; a profile without keys, or none at
 * all, goes to the AWS SDK's own chain: single sign-on, assumed roles, credential_process, web
 * identity, container and instance roles).
 * @module
 */
import type { AwsCredentials, CredentialsProvider } from '@mailpat/client';
import { CliConfigurationError, CliUsageError } from '../workmail/cli-errors.js';
import { loadProfile, sharedFilePaths } from '../workmail/config/load-profile.js';
import type { ProfileSettings } from '../workmail/config/load-profile.js';

/** The source options of the command line (`undefined` when not given). */
export interface SourceOptions {
  sourceEndpointUrl?: string;
  sourceRegion?: string;
  sourceProfile?: string;
}

/** How to reach the source. */
export interface SourceConfig {
  endpointUrl: string;
  region: string;
  credentials: AwsCredentials | CredentialsProvider;
}

/** An AWS region name: nothing else may go into the derived host name. */
const REGION_PATTERN = /^[a-z]{2}(-[a-z0-9]+)+-\d+$/;

/**
 * WorkMail's endpoint in `region` (https://docs.aws.amazon.com/general/latest/gr/workmail.html).
 * @example workmailEndpointFor('eu-west-1') // 'https://workmail.eu-west-1.amazonaws.com'
 */
export function workmailEndpointFor(region: string): string {
  if (!REGION_PATTERN.test(region)) {
    throw new CliUsageError(`argument --source-region: not an AWS region: '${region}'`);
  }
  return `https://workmail.${region}.amazonaws.com`;
}

/**
 * Resolves the source. The endpoint variables of the environment (`MAILPAT_ENDPOINT_URL`,
 * `AWS_ENDPOINT_URL*`) are the target's: the source never takes them.
 */
export async function resolveSourceConfig(
  options: SourceOptions,
  env: NodeJS.ProcessEnv,
): Promise<SourceConfig> {
  const profileName = options.sourceProfile ?? env.AWS_PROFILE ?? 'default';
  const profile = await loadProfile(profileName, sharedFilePaths(env));
  if (options.sourceProfile !== undefined && !profile.found) {
    throw new CliConfigurationError(`The config profile (${profileName}) could not be found`);
  }
  // The source profile's region before the environment's: the environment is shared with the
  // target, the profile was named for the source.
  const region =
    options.sourceRegion ??
    profile.values.region ??
    env.AWS_REGION ??
    env.AWS_DEFAULT_REGION ??
    undefined;
  const endpointUrl =
    options.sourceEndpointUrl ??
    (options.sourceRegion === undefined ? profile.values.endpoint_url : undefined) ??
    (region === undefined ? undefined : workmailEndpointFor(region));
  if (endpointUrl === undefined) {
    throw new CliUsageError('give the source with --source-region or --source-endpoint-url');
  }
  return {
    endpointUrl,
    region: region ?? 'us-east-1',
    credentials: sourceCredentials(options.sourceProfile, profile, env),
  };
}

function sourceCredentials(
  sourceProfile: string | undefined,
  profile: ProfileSettings,
  env: NodeJS.ProcessEnv,
): AwsCredentials | CredentialsProvider {
  const fromProfile = credentialsOf(profile);
  if (sourceProfile === undefined && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return {
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    };
  }
  return fromProfile ?? sdkCredentialChain(sourceProfile);
}

/**
 * The AWS SDK's default chain, loaded on first use (only for sources that need it). Given a
 * profile, the SDK skips the environment's keys, as botocore does for `--profile`.
 */
export function sdkCredentialChain(profile: string | undefined): CredentialsProvider {
  let provider: Promise<() => Promise<AwsCredentials>> | undefined;
  return async () => {
    provider ??= import('@aws-sdk/credential-provider-node').then(({ defaultProvider }) =>
      defaultProvider(profile === undefined ? {} : { profile }),
    );
    try {
      return await (
        await provider
      )();
    } catch (error) {
      throw new CliConfigurationError(
        'Unable to locate credentials for the source. Name a profile with --source-profile, or ' +
          `set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (${(error as Error).message})`,
      );
    }
  };
}

function credentialsOf(profile: ProfileSettings): AwsCredentials | undefined {
  const { aws_access_key_id: accessKeyId, aws_secret_access_key: secretAccessKey } = profile.values;
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = profile.values.aws_session_token;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
