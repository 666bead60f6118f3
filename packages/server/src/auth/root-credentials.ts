/**
 * Decides the root access key at startup: pinned by the environment, else the stored
 * one, else a new one that is stored and written to `<dataDir>/credentials`. Instances that
 * share a database and start at once agree on one key (see generateRootCredentials).
 * @module
 */
import { join } from 'node:path';
import type { Store } from '../storage/store.js';
import { CREDENTIALS_FILE_NAME, CREDENTIALS_PROFILE } from './constants.js';
import {
  fileExists,
  formatCredentialsFile,
  writeSecretFileAtomically,
} from './credentials-file.js';
import { generateAccessKey } from './generate-access-key.js';
import { ROOT_ACCESS_KEY_ID_ENV } from '../config/constants.js';
import { loadRootAccessKey } from '../config/root-access-key.js';

/** The settings key naming the root access key, shared by every instance on one database. */
const ROOT_ACCESS_KEY_SETTING = 'root-access-key-id';

/** The root key pair, and where it came from. */
export interface RootCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  source: 'env' | 'stored' | 'generated';
}

/** What resolveRootCredentials reads and writes. */
export interface ResolveRootCredentialsOptions {
  env: Readonly<Record<string, string | undefined>>;
  store: Pick<
    Store,
    | 'getSetting'
    | 'getOrCreateSetting'
    | 'getAccessKey'
    | 'putAccessKey'
    | 'deleteAccessKey'
    | 'findFirstAccessKey'
  >;
  dataDir: string;
  /** Receives paths and key IDs, never a secret. */
  log: (message: string) => void;
  /** Epoch milliseconds for the stored key's `createdAt`. */
  now?: () => number;
}

/**
 * Resolves the root credentials; throws when only one of the two environment variables is set,
 * or the secret is shorter than MIN_SECRET_LENGTH.
 */
export async function resolveRootCredentials(
  options: ResolveRootCredentialsOptions,
): Promise<RootCredentials> {
  const fromEnv = loadRootAccessKey(options.env);
  if (fromEnv !== undefined) {
    options.log(`Using root access key ${fromEnv.accessKeyId} from ${ROOT_ACCESS_KEY_ID_ENV}.`);
    return { ...fromEnv, source: 'env' };
  }
  const path = join(options.dataDir, CREDENTIALS_FILE_NAME);
  const stored = await findStoredRootKey(options.store);
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

/** The key the settings name as root; or, for data from before that setting, the first key. */
async function findStoredRootKey(store: ResolveRootCredentialsOptions['store']) {
  const rootId = await store.getSetting(ROOT_ACCESS_KEY_SETTING);
  if (rootId === undefined) {
    const first = await store.findFirstAccessKey();
    if (first === undefined) return undefined;
    return electedKey(
      store,
      await store.getOrCreateSetting(ROOT_ACCESS_KEY_SETTING, () => first.accessKeyId),
    );
  }
  return electedKey(store, rootId);
}

/**
 * Stores a fresh key, then elects the root key through one insert-if-absent setting: when
 * instances on one database start at once, the first to record its key ID wins, every other
 * one reads the winner's key (stored before it was elected, so it is there) and deletes its own,
 * which nobody has seen. Every instance ends up with the same pair in its credentials file.
 */
async function generateRootCredentials(
  path: string,
  options: ResolveRootCredentialsOptions,
): Promise<RootCredentials> {
  const { store } = options;
  const fresh = generateAccessKey();
  const createdAt = (options.now ?? Date.now)();
  await store.putAccessKey({ ...fresh, enabled: true, createdAt });
  const rootId = await store.getOrCreateSetting(ROOT_ACCESS_KEY_SETTING, () => fresh.accessKeyId);
  if (rootId !== fresh.accessKeyId) await store.deleteAccessKey(fresh.accessKeyId);
  const root = await electedKey(store, rootId);
  await writeCredentials(path, root, options.log);
  const source = root.accessKeyId === fresh.accessKeyId ? 'generated' : 'stored';
  return { accessKeyId: root.accessKeyId, secretAccessKey: root.secretAccessKey, source };
}

async function electedKey(store: ResolveRootCredentialsOptions['store'], accessKeyId: string) {
  const key = await store.getAccessKey(accessKeyId);
  if (key === undefined) {
    throw new Error(
      `the root access key ${accessKeyId} named in the database's settings is missing`,
    );
  }
  return key;
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
