/**
 * Reads one profile of the AWS shared credentials and config files, with the AWS SDK's own
 * parser (`@smithy/core/config`), at the paths the aws CLI uses.
 * @module
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';

/** The settings of one profile, merged from both files (the credentials file wins). */
export interface ProfileSettings {
  /** False when neither file has a section for the profile. */
  found: boolean;
  values: Readonly<Record<string, string | undefined>>;
}

/** Where the aws CLI looks: `AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE`, else `~/.aws/`. */
export function sharedFilePaths(env: NodeJS.ProcessEnv): { credentials: string; config: string } {
  const home = env.HOME || env.USERPROFILE || homedir();
  return {
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
    config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
  };
}

/** Loads `profile` from the files at `paths`; a missing file counts as empty. */
export async function loadProfile(
  profile: string,
  paths: { credentials: string; config: string },
): Promise<ProfileSettings> {
  const files = await loadSharedConfigFiles({
    filepath: paths.credentials,
    configFilepath: paths.config,
    ignoreCache: true,
  });
  const fromConfig = files.configFile[profile];
  const fromCredentials = files.credentialsFile[profile];
  return {
    found: fromConfig !== undefined || fromCredentials !== undefined,
    values: { ...fromConfig, ...fromCredentials },
  };
}
