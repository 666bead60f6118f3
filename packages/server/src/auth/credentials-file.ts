/**
 * Writes an AWS shared-credentials file, readable by boto3, the aws CLI and the SDKs.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html
 * @module
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OWNER_ONLY_DIRECTORY_MODE, OWNER_ONLY_FILE_MODE } from '../file-modes/constants.js';

/** The file's text: one `[profile]` section with the key pair. */
export function formatCredentialsFile(
  profile: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
): string {
  return (
    `[${profile}]\n` +
    `aws_access_key_id = ${credentials.accessKeyId}\n` +
    `aws_secret_access_key = ${credentials.secretAccessKey}\n`
  );
}

/**
 * Writes `text` to `path` with mode 0600, atomically: readers see the old file or the whole
 * new one, never a partial or world-readable secret.
 */
export async function writeSecretFileAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: OWNER_ONLY_DIRECTORY_MODE });
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(temporary, 'wx', OWNER_ONLY_FILE_MODE);
    try {
      await file.chmod(OWNER_ONLY_FILE_MODE); // the creation mode is filtered by the umask
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** True when something exists at `path`. */
export async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
