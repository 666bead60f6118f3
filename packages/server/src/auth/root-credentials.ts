/**
 * @module Decides the root access key at startup: pinned by the environment, else the stored
 * one, else a new one that is stored and written to `<dataDir>/credentials`.
 */
import { join } from 'node:path';
import type { Store } from '../storage/store.js';
import {
  CREDENTIALS_FILE_NAME,
  CREDENTIALS_PROFILE,
  ROOT_ACCESS_KEY_ID_ENV,
  ROOT_SECRET_ACCESS_KEY_ENV,
} from './constants.js';
import {
  fileExists,
  formatCredentialsFile,
  writeSecretFileAtomically,
} from './credentials-file.js';
import { generateAccessKey } from './generate-access-key.js';

/** The root key pair, and where it came from. */
export interface RootCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  source: 'env' | 'stored' | 'generated';
}

/** What resolveRootCredentials reads and writes. */
export interface ResolveRootCredentialsOptions {
  env: Readonly<Record<string, string | undefined>>;
  store: Pick<Store, 'findFirstAccessKey' | 'putAccessKey'>;
  dataDir: string;
  /** Receives paths and key IDs, never a secret. */
  log: (message: string) => void;
  /** Epoch milliseconds for the stored key's `createdAt`. */
  now?: () => number;
}

/** Resolves the root credentials; throws when only one of the two environment variables is set. */
export async function resolveRootCredentials(
  options: ResolveRootCredentialsOptions,
): Promise<RootCredentials> {
  const fromEnv = readEnvCredentials(options.env);
  if (fromEnv !== undefined) {
    options.log(`Using root access key ${fromEnv.accessKeyId} from ${ROOT_ACCESS_KEY_ID_ENV}.`);
    return { ...fromEnv, source: 'env' };
  }
  const path = join(options.dataDir, CREDENTIALS_FILE_NAME);
  const stored = await options.store.findFirstAccessKey();
  if (stored !== undefined) {
    if (!(await fileExists(path))) await writeCredentials(path, stored, options.log);
    return {
      accessKeyId: stored.accessKeyId,
      secretAccessKey: stored.secretAccessKey,
      source: 'stored',
    };
  }
  return generateRootCredentials(path, options);
}

function readEnvCredentials(env: ResolveRootCredentialsOptions['env']) {
  const accessKeyId = env[ROOT_ACCESS_KEY_ID_ENV] || undefined;
  const secretAccessKey = env[ROOT_SECRET_ACCESS_KEY_ENV] || undefined;
  if (accessKeyId === undefined && secretAccessKey === undefined) return undefined;
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    throw new Error(
      `Set both ${ROOT_ACCESS_KEY_ID_ENV} and ${ROOT_SECRET_ACCESS_KEY_ENV}, or neither.`,
    );
  }
  if (!/^[A-Za-z0-9]+$/.test(accessKeyId)) {
    throw new Error(`${ROOT_ACCESS_KEY_ID_ENV} must consist of letters and digits only.`);
  }
  return { accessKeyId, secretAccessKey };
}

/**
 * Stores a fresh key and writes the file. If another process stored one first, its key (the
 * first by creation time) wins, so every instance ends up with the same root key.
 */
async function generateRootCredentials(
  path: string,
  options: ResolveRootCredentialsOptions,
): Promise<RootCredentials> {
  const fresh = generateAccessKey();
  const createdAt = (options.now ?? Date.now)();
  await options.store.putAccessKey({ ...fresh, enabled: true, createdAt });
  const first = (await options.store.findFirstAccessKey()) ?? { ...fresh };
  await writeCredentials(path, first, options.log);
  const source = first.accessKeyId === fresh.accessKeyId ? 'generated' : 'stored';
  return { accessKeyId: first.accessKeyId, secretAccessKey: first.secretAccessKey, source };
}

async function writeCredentials(
  path: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  log: (message: string) => void,
): Promise<void> {
  await writeSecretFileAtomically(path, formatCredentialsFile(CREDENTIALS_PROFILE, credentials));
  log(
    `Root access key ${credentials.accessKeyId} written to ${path} (profile ` +
      `[${CREDENTIALS_PROFILE}]); use it with AWS_SHARED_CREDENTIALS_FILE=${path} ` +
      `AWS_PROFILE=${CREDENTIALS_PROFILE}.`,
  );
}
